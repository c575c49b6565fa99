using Sixgill.Addressing;
using Sixgill.Config;
using Sixgill.Docker;

namespace Sixgill.IntegrationTests;

/// <summary>
/// examples/lab.yaml with <c>runtime: docker</c>, and the files and commands the docker steps will
/// make from it, written out here until those steps exist (named.conf comes from the native
/// gateway's renderer once it is on main).
/// </summary>
internal static class DockerTestConfig
{
    public static readonly Lazy<AddressPlan> Plan = new(() =>
    {
        var path = Path.Combine(RepositoryRoot(), "examples", "lab.yaml");
        var loaded = ConfigLoader.LoadFile(path);
        var cluster = loaded.Cluster ?? throw new InvalidOperationException($"{path}: {string.Join("; ", loaded.Lines)}");
        return AddressPlan.For(cluster with { Runtime = ServiceRuntime.Docker });
    });

    public static GatewayServices Gateway => Plan.Value.Gateway ?? throw new InvalidOperationException("lab.yaml has no gateway services");

    /// <summary>
    /// The DNS64 container's named.conf (SPEC §6.1's options, paths of the image): forwards to
    /// remote_server embedded in the DNS64 prefix, which only NAT64 reaches.
    /// </summary>
    public static string NamedConf()
    {
        var gateway = Gateway;
        var plan = Plan.Value;
        var clients = string.Join(" ", plan.ManagementNetworks.Concat(plan.PodNetworks.Select(p => p.Cidr)).Append(gateway.SupportNetwork)
            .Select(n => $"{n};")) + " ::1;";
        var forwarder = gateway.RemoteServerSynthesized ?? gateway.RemoteServer;
        return $$"""
            options {
              directory "{{Dns64ContainerSpec.WorkingDirectory}}";
              pid-file none;
              session-keyfile "{{Dns64ContainerSpec.WorkingDirectory}}/session.key";
              listen-on { none; };
              listen-on-v6 { {{gateway.Dns64Address}}; };
              recursion yes;
              allow-query { {{clients}} };
              allow-recursion { {{clients}} };
              forwarders { {{forwarder}}; };
              forward only;
              dnssec-validation no;
              dns64 {{gateway.Dns64Prefix}} { clients { any; }; exclude { any; }; };
            };
            controls { };

            """;
    }

    /// <summary>`ip route replace …` for each of a node's prepare routes: the argv the route steps will run.</summary>
    public static IEnumerable<IReadOnlyList<string>> RouteCommands(string node) =>
        Plan.Value[node].PrepareRoutes.Select(r => (IReadOnlyList<string>)["ip", r.Family == IpFamily.V6 ? "-6" : "-4", "route", "replace", .. r.ToString().Split(' ')]);

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Sixgill.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no Sixgill.slnx above {AppContext.BaseDirectory}");
    }
}
