"""Time expressions: recognition, TimeML values and resolution against the publication date."""
