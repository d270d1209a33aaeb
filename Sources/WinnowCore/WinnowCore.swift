@_exported import WinnowHTML
