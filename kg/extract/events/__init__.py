"""Events: triggers, PLOVER types, roles, modality, dates, places and quantities."""
