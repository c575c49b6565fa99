using Sixgill.Host.Processes;
using Sixgill.Machine;

namespace Sixgill.Host.Network;

/// <summary><see cref="INftables"/> through <c>nft</c>: <c>-j list table</c> to read, <c>-f -</c> to load, <c>delete table</c>.</summary>
internal sealed class NftCommand(IProcessRunner runner) : INftables
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public NftTable? FindTable(string family, string name)
    {
        var result = Run(["nft", "-j", "list", "table", family, name]);
        if (!result.Succeeded && result.StandardError.Contains("No such file or directory", StringComparison.Ordinal))
        {
            return null;
        }

        return NftJson.Table(result.EnsureSuccess().StandardOutput);
    }

    public void Load(string ruleset) => Run(["nft", "-f", "-"], ruleset).EnsureSuccess();

    public void DeleteTable(string family, string name) => Run(["nft", "delete", "table", family, name]).EnsureSuccess();

    private ProcessResult Run(string[] command, string? input = null)
    {
        var program = ProgramSearch.Find(command[0]) ?? command[0];
        return runner.RunAsync(new ProcessRequest([program, .. command[1..]]) { StandardInput = input, Timeout = Timeout }).GetAwaiter().GetResult();
    }
}
