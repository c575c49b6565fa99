using Sixgill.Cli;

return await SixgillCli.RunAsync(args, Console.Out, Console.Error);
