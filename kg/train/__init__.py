"""Model-building scripts: run by developers to rebuild the shipped models, never at run time."""
