// The libcurl fetcher lives here (see the scrape task).
