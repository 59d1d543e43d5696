"""Dutch time expressions, resolved against the article's date."""
