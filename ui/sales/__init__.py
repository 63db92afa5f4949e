"""Monthly sales: one month of every entrepreneur's figures, entered like a spreadsheet."""
