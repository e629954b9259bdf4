"""Role engine for Belgian social-security access management."""
