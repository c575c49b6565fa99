namespace Sixgill.Cli.Surface;

/// <summary>
/// Examples for every command, by its path: shown at the end of its <c>--help</c> (and
/// <c>sixgill help COMMAND</c>) and in the manual page. A unit test checks each command has some.
/// </summary>
internal static class CommandExamples
{
    private static readonly Dictionary<string, string[]> ByPath = new(StringComparer.Ordinal)
    {
        [""] =
        [
            "sudo sixgill lab demo",
            "sixgill validate -c examples/orca.yaml",
            "sixgill explain -c examples/lab.yaml --host w1",
            "sixgill plan -c config.yaml",
            "sudo sixgill prepare -c config.yaml",
            "sudo sixgill clean -c config.yaml",
        ],
        ["validate"] = ["sixgill validate -c config.yaml", "sixgill validate -c config.yaml -o json"],
        ["explain"] = ["sixgill explain -c examples/lab.yaml", "sixgill explain -c examples/lab.yaml --host w1", "sixgill explain -c config.yaml -o json"],
        ["verify"] = ["sixgill verify -c config.yaml", "sixgill verify -c config.yaml --name www.example.org --url http://www.example.org/", "sixgill verify -c config.yaml -o json"],
        ["plan"] = ["sixgill plan -c config.yaml", "sudo sixgill plan clean -c config.yaml", "sixgill plan up -c config.yaml --detailed-exitcode"],
        ["init"] = ["sudo sixgill init -c config.yaml", "sudo sixgill init -c config.yaml --force"],
        ["prepare"] = ["sudo sixgill prepare -c config.yaml", "sixgill prepare -c config.yaml --dry-run", "sudo sixgill prepare -c config.yaml --host w1 -o json", "sixgill prepare -c config.yaml --all"],
        ["up"] = ["sudo sixgill up -c config.yaml", "sudo sixgill up -c config.yaml --timeout 20m"],
        ["down"] = ["sudo sixgill down -c config.yaml"],
        ["kubeconfig"] = ["sudo sixgill kubeconfig -c config.yaml > gw.kubeconfig", "sudo sixgill kubeconfig -c config.yaml -o json"],
        ["reapply"] = ["sudo sixgill reapply -c /var/lib/sixgill/reapply.yaml --host w1", "systemctl status sixgill-reapply.service"],
        ["clean"] = ["sudo sixgill clean -c config.yaml", "sudo sixgill plan clean -c config.yaml"],
        ["lab"] = ["sudo sixgill lab demo", "sudo sixgill lab up", "sudo sixgill lab list"],
        ["lab up"] = ["sudo sixgill lab up", "sudo sixgill lab up -c examples/lab.yaml --name demo2", "sudo sixgill lab up --runtime docker"],
        ["lab down"] = ["sudo sixgill lab down", "sudo sixgill lab down --name demo2"],
        ["lab status"] = ["sudo sixgill lab status", "sudo sixgill lab status --name demo -o json"],
        ["lab list"] = ["sudo sixgill lab list", "sudo sixgill lab list -o json"],
        ["lab logs"] = ["sudo sixgill lab logs internet", "sudo sixgill lab logs internet dns", "sudo sixgill lab logs gw dockerd"],
        ["lab exec"] = ["sudo sixgill lab exec w1 -- ip -6 route", "sudo sixgill lab exec w1 -- sixgill verify --host w1 -c /tmp/sixgill-lab-demo/config.yaml", "sudo sixgill lab exec gw -- bash"],
        ["lab reboot"] = ["sudo sixgill lab reboot w1", "sudo sixgill lab reboot --all"],
        ["lab root"] = ["sudo sixgill lab root", "sudo sixgill lab root --rebuild", "sudo sixgill lab root --remove"],
        ["lab demo"] = ["sudo sixgill lab demo", "sudo sixgill lab demo --keep", "sudo sixgill lab demo -c examples/dual-stack.yaml --name ds", "sudo sixgill lab demo --runtime docker -o json"],
        ["images"] = ["sudo sixgill images build"],
        ["images build"] = ["sudo sixgill images build"],
        ["version"] = ["sixgill version", "sixgill version -o json", "sixgill --version"],
        ["help"] = ["sixgill help", "sixgill help lab exec"],
        ["completion"] = ["sixgill completion bash > /etc/bash_completion.d/sixgill", "sixgill completion zsh > \"${fpath[1]}/_sixgill\"", "sixgill completion fish > ~/.config/fish/completions/sixgill.fish"],
        ["schema"] = ["sixgill schema > sixgill.schema.json", "# first line of config.yaml: # yaml-language-server: $schema=./sixgill.schema.json"],
    };

    public static IReadOnlyList<string> For(string path) => ByPath.TryGetValue(path, out var examples) ? examples : [];
}
