"""Background on who and what an article names: the knowledge base, places, notes, enrichment."""
