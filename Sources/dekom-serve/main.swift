import DekomServer

// `dekom serve` starts this program (see `Dekom.Serve`); it may also be run by itself.
DekomServe.main()
