"""Reading an article: loading it, parsing it with spaCy, and analysing it for a learner."""
