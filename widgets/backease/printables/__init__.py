"""Pages to print: technique sheets, class handouts, forms and overviews, as HTML with drawn figures."""
