using Sixgill.Machine;

namespace Sixgill.Host.Network;

/// <summary>
/// <see cref="INetworkWriter"/> through iproute2: one <c>ip</c> run with an argument vector per change
/// (<c>ip -batch</c> splits its input on whitespace; one argv per change lets a failure name exactly
/// one change). The fallback where this process cannot open an rtnetlink socket.
/// </summary>
internal sealed class IpCommandWriter(Func<string[], ProcessResult> run) : INetworkWriter
{
    public void SetLinkUp(string name, bool up) => Change(IpSpelling.LinkUp(name, up));

    public void AddBridge(string name) => Change(IpSpelling.AddBridge(name));

    public void DeleteLink(string name) => Change(IpSpelling.DeleteLink(name));

    // One at a time: a group of our own would take three ip runs more than it saves.
    public void DeleteLinks(IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        foreach (var name in names)
        {
            DeleteLink(name);
        }
    }

    public void ReplaceAddress(string link, InterfaceAddress address, bool withoutDad) => Change(IpSpelling.ReplaceAddress(link, address, withoutDad));

    public void DeleteAddress(string link, InterfaceAddress address) => Change(IpSpelling.DeleteAddress(link, address));

    public void ReplaceRoute(KernelRoute route) => Change(IpSpelling.ReplaceRoute(route));

    public void DeleteRoute(KernelRoute route) => Change(IpSpelling.DeleteRoute(route));

    private void Change(string[] command) => run(command).EnsureSuccess();
}
