"""Static timeline site generator for the news."""
