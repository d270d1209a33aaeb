// The loopback HTTP server for tests lives here (see the scrape task).
