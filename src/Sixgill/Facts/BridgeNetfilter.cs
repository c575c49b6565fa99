using Sixgill.Machine;

namespace Sixgill.Facts;

/// <summary>
/// How this kernel has <c>br_netfilter</c>, which makes traffic between two ports of one Linux bridge
/// pass ip6tables/iptables (and so kube-proxy's NAT): built in (its sysctls are there in every network
/// namespace, nothing to load) or a module (stock Debian and Ubuntu: the sysctls are absent until it
/// is loaded, and a reboot unloads it unless <c>/etc/modules-load.d</c> names it).
/// </summary>
internal enum BridgeNetfilter
{
    /// <summary>A module, loaded or not: Sixgill loads it now and names it for the next boot.</summary>
    Module,

    /// <summary>Part of the kernel: only the sysctls are set.</summary>
    BuiltIn,
}

/// <summary>Reads <see cref="BridgeNetfilter"/> from <c>/proc</c>; as any user.</summary>
internal static class BridgeNetfilterReader
{
    /// <summary>Exists while br_netfilter is in the kernel, per network namespace.</summary>
    public const string Marker = "/proc/sys/net/bridge/bridge-nf-call-ip6tables";

    /// <summary>The loaded modules; absent on a kernel built without module support.</summary>
    public const string LoadedModules = "/proc/modules";

    public const string Module = "br_netfilter";

    public static BridgeNetfilter Read(IFiles files)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (files.Stat(Marker) is null)
        {
            return BridgeNetfilter.Module;
        }

        var modules = files.Read(LoadedModules);
        return modules is not null && System.Text.Encoding.ASCII.GetString(modules).Split('\n').Any(line => line.StartsWith(Module + " ", StringComparison.Ordinal))
            ? BridgeNetfilter.Module
            : BridgeNetfilter.BuiltIn;
    }
}
