import DekomCommands

Dekom.main()
