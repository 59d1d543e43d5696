"""Dutch words for a learner: the dictionary, lemmas and inflection, verbs, compounds, glosses."""
