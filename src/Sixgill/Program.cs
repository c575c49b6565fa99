using System.CommandLine;
var root = new RootCommand("sixgill");
var cfg = new Option<FileInfo>("--config", "-c") { Description = "the cluster file", Recursive = true, DefaultValueFactory = _ => new FileInfo("config.yaml") };
root.Options.Add(cfg);
var v = new Command("version", "print the version");
v.SetAction(pr => { Console.WriteLine("0.1.0"); return 0; });
root.Subcommands.Add(v);
return root.Parse(args).Invoke();
