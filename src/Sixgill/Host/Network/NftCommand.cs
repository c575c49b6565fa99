using Sixgill.Host.Processes;
using Sixgill.Machine;

namespace Sixgill.Host.Network;

/// <summary>
/// <see cref="INftables"/> through <c>nft</c>: <c>-j list table</c> to read, <c>-e -a -f -</c> to load,
/// <c>delete table</c> to delete.
/// </summary>
/// <remarks>
/// A load asks the kernel to echo what the transaction made (<c>-e -a</c>: each table, chain and
/// rule sent back after the commit, with the handle the kernel gave it; read by <see cref="NftEcho"/>).
/// A table the load made anew is all in that echo, so the next <see cref="FindTable"/> of it (the
/// executor's check right after the apply) answers from the echo, once, instead of running
/// <c>nft</c> again; any other call lists. A <c>list</c> at the end of the loaded script would not
/// do: nft answers it from the script it has just parsed (handles 0, before the commit).
/// </remarks>
internal sealed class NftCommand(IProcessRunner runner) : INftables
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private IReadOnlyList<NftTable> loaded = [];

    public NftTable? FindTable(string family, string name)
    {
        var echoed = loaded.FirstOrDefault(t => t.Family == family && t.Name == name);
        loaded = [];
        if (echoed is not null)
        {
            return echoed;
        }

        var result = Run(["nft", "-j", "list", "table", family, name]);
        return IsNoSuchTable(result) ? null : NftJson.Table(result.EnsureSuccess().StandardOutput);
    }

    public void Load(string ruleset)
    {
        loaded = [];
        var result = Run(["nft", "-e", "-a", "-f", "-"], ruleset).EnsureSuccess();
        loaded = NftEcho.Created(result.StandardOutput);
    }

    public bool DeleteTable(string family, string name)
    {
        loaded = [];
        var result = Run(["nft", "delete", "table", family, name]);
        if (IsNoSuchTable(result))
        {
            return false;
        }

        result.EnsureSuccess();
        return true;
    }

    // nft's words for ENOENT: "Error: Could not process rule: No such file or directory" (the table is not there).
    private static bool IsNoSuchTable(ProcessResult result) =>
        !result.Succeeded && result.StandardError.Contains("No such file or directory", StringComparison.Ordinal);

    private ProcessResult Run(string[] command, string? input = null)
    {
        var program = ProgramSearch.Find(command[0]) ?? command[0];
        return runner.RunAsync(new ProcessRequest([program, .. command[1..]]) { StandardInput = input, Timeout = Timeout }).GetAwaiter().GetResult();
    }
}
