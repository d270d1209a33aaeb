// Core's API hands out HTML-layer types (documents, text blocks, charset decisions).
@_exported import WinnowHTML
