"""Build and page-load speed: less CSS and JS per page, cached navigation, no helper process."""
