using Sixgill.Host.Processes;
using Sixgill.Machine;

namespace Sixgill.Host.Network;

/// <summary>
/// <see cref="INftables"/> through <c>nft</c> (<c>-j list table</c> to read, <c>-e -a -f -</c> to
/// load, <c>delete table</c> to delete), with the kernel asked first over nfnetlink where that
/// answers without <c>nft</c>: a table that is not there, and a delete.
/// </summary>
/// <remarks>
/// <para>
/// A find asks the kernel for the table (<see cref="NftablesNetlink.HasTable"/>): not there → null,
/// no <c>nft</c> run. A table that is there is listed by <c>nft -j</c> as before: its masquerades
/// are read from nft's JSON, not from the kernel's expressions. A delete is one nfnetlink
/// transaction; the kernel's "no such table" → false, any other refusal of the delete → a
/// <see cref="NetworkChangeException"/> in nft's words. Where the kernel refuses the socket or the
/// request as such (no nfnetlink, EPERM, a seccomp filter, a family nft alone knows), <c>nft</c> is
/// run exactly as before, and its own words are the answer.
/// </para>
/// <para>
/// A load asks the kernel to echo what the transaction made (<c>-e -a</c>: each table, chain and
/// rule sent back after the commit, with the handle the kernel gave it; read by <see cref="NftEcho"/>).
/// A table the load made anew is all in that echo, so the next <see cref="FindTable"/> of it (the
/// executor's check right after the apply) answers from the echo, once, instead of running
/// <c>nft</c> again; any other call lists. A <c>list</c> at the end of the loaded script would not
/// do: nft answers it from the script it has just parsed (handles 0, before the commit).
/// </para>
/// </remarks>
/// <param name="runner">Runs <c>nft</c>.</param>
/// <param name="openKernel">
/// Opens the nfnetlink socket, or gives null where there is none (then everything goes through
/// <c>nft</c>); called on the thread that asks, whose network namespace the socket is in. On a
/// node: <see cref="NftablesNetlink.TryOpen"/>.
/// </param>
internal sealed class NftCommand(IProcessRunner runner, Func<NftablesNetlink?> openKernel) : INftables
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

        if (AskKernel(family, name, static (kernel, number, table) => kernel.HasTable(number, table)) is false)
        {
            return null;
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
        string[] command = ["nft", "delete", "table", family, name];
        try
        {
            if (AskKernel(family, name, static (kernel, number, table) => kernel.DeleteTable(number, table)) is { } deleted)
            {
                return deleted;
            }
        }
        catch (NetlinkRefusal refusal) when (refusal.Request == NftablesRequests.DeleteTable)
        {
            throw new NetworkChangeException(command, refusal.AsNftWouldSay(), refusal.Errno);
        }

        var result = Run(command);
        if (IsNoSuchTable(result))
        {
            return false;
        }

        result.EnsureSuccess();
        return true;
    }

    /// <summary>
    /// The kernel's answer over nfnetlink; null where it cannot be had (no socket, a family nft alone
    /// knows, the request refused as such): then <c>nft</c> is asked. A refusal of the delete itself
    /// is thrown.
    /// </summary>
    private bool? AskKernel(string family, string name, Func<NftablesNetlink, byte, string, bool> question)
    {
        if (NftablesRequests.Family(family) is not { } number || openKernel() is not { } kernel)
        {
            return null;
        }

        using (kernel)
        {
            try
            {
                return question(kernel, number, name);
            }
            catch (NetlinkRefusal refusal) when (refusal.Request != NftablesRequests.DeleteTable)
            {
                return null;
            }
            catch (IOException e) when (e is not NetlinkRefusal)
            {
                return null;
            }
        }
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
