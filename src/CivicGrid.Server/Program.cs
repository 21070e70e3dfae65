using CivicGrid.Server.Hosting;

// One executable: with a verb (migrate, seed, import, export …) it runs that command and exits;
// otherwise it serves the platform.
return CliApp.IsVerb(args)
    ? await CliApp.RunAsync(args)
    : await CivicGridServer.RunAsync(args);
