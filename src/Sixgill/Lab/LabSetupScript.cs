using Sixgill.Machine;
using Sixgill.Values;

namespace Sixgill.Lab;

/// <summary>
/// The commands that build a lab, in order, as data: nothing here runs. Every link is created
/// directly inside lab namespaces and every sysctl is a <c>net.*</c> key written inside one, so
/// the machine's own network namespace never changes (docs/safety.md; unit tests check this).
/// </summary>
internal static class LabSetupScript
{
    /// <param name="router">The internet's address on the switch (<see cref="LabSpec.Router"/>) when it is there, not behind a gateway.</param>
    public static IReadOnlyList<LabSetupCommand> For(LabLayout layout, string? router = null) =>
        [.. Stages(layout, router).SelectMany(stage => stage.Sequences).SelectMany(sequence => sequence)];

    /// <summary>
    /// The same commands in stages: first the work directory, the switch and the internet; then
    /// every node on its own (its namespace, its link to the switch, its mounts), the nodes side
    /// by side; then what joins them (the uplink, the access network).
    /// </summary>
    /// <param name="router">The internet's address on the switch (<see cref="LabSpec.Router"/>) when it is there, not behind a gateway.</param>
    public static IReadOnlyList<LabSetupStage> Stages(LabLayout layout, string? router = null)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var first = new List<LabSetupCommand>();
        first.AddRange(WorkDirectory(layout.Names));
        if (layout.Machines is not null)
        {
            // Bound into every systemd node when it boots, so it must be there first (root's, 0700).
            first.Add(new("create the directory shared with the nodes", ["install", "-d", "-m", "0700", layout.Names.SharedDirectory]));
        }

        first.AddRange(Switch(layout));
        if (layout.Uplink is not null)
        {
            first.AddRange(Internet(layout.Uplink.InternetNamespace));
        }

        var nodes = layout.Nodes.Select(node => (IReadOnlyList<LabSetupCommand>)
            [.. NodeNetwork(node, layout.Switch, linkUp: layout.Machines is null), .. layout.Machines is { } machines ? MachineDisk(node, machines.Root) : NodeMounts(node, layout.Names)]);

        var last = new List<LabSetupCommand>();
        if (layout.Uplink is { ToSwitch: true } port)
        {
            last.AddRange(SwitchUplink(port, router ?? throw new ArgumentException("a lab whose internet is on the switch needs its router address", nameof(router))));
            foreach (var node in layout.Nodes)
            {
                last.AddRange(OwnWayOut(node, router));
            }
        }
        else if (layout.Uplink is not null)
        {
            last.AddRange(Uplink(layout.Uplink));
        }

        if (layout.Access is { } access)
        {
            last.AddRange(Access(access, layout.Names));
        }

        return [new([first]), new([.. nodes]), new([last])];
    }

    /// <summary>
    /// Commands for a namespace that is neither node nor switch (a pod's, a peer's): loopback up and
    /// no duplicate address detection, like a node.
    /// </summary>
    public static IReadOnlyList<LabSetupCommand> ExtraNamespace(string namespaceName) =>
    [
        Net("create namespace " + namespaceName, ["ip", "netns", "add", namespaceName], new NewNamespace(namespaceName)),
        Net("bring up loopback", ["ip", "-n", namespaceName, "link", "set", "lo", "up"], new LinkUp(namespaceName, "lo")),
        NoDuplicateAddressDetection(namespaceName),
    ];

    /// <summary>
    /// The namespace files live in a private bind mount of their own: unshare refuses to bind a
    /// namespace onto a file in a shared mount, and a private one keeps them from propagating.
    /// </summary>
    private static IEnumerable<LabSetupCommand> WorkDirectory(LabNames names)
    {
        var files = names.NamespaceFileDirectory;
        yield return new("create the lab's work directory", ["mkdir", "-p", files]) { FileChange = new MakeDirectories([files]) };
        yield return new("hold the namespace files in a private mount of their own", ["mount", "--bind", files, files]) { FileChange = new BindPrivately(files) };
    }

    private static IEnumerable<LabSetupCommand> Switch(LabLayout layout)
    {
        var sw = layout.Switch;
        yield return Net("create the switch namespace", ["ip", "netns", "add", sw], new NewNamespace(sw));
        yield return Net("bring up the switch's loopback", ["ip", "-n", sw, "link", "set", "lo", "up"], new LinkUp(sw, "lo"));
        yield return Net("create the switch bridge", ["ip", "-n", sw, "link", "add", LabLayout.Bridge, "type", "bridge"], new NewBridge(sw, LabLayout.Bridge));
        yield return Net("bring up the switch bridge", ["ip", "-n", sw, "link", "set", LabLayout.Bridge, "up"], new LinkUp(sw, LabLayout.Bridge));
    }

    /// <summary>IPv6 is switched off in the internet namespace: it stands for the IPv4-only world NAT64 reaches.</summary>
    private static IEnumerable<LabSetupCommand> Internet(string inet)
    {
        yield return Net("create the internet namespace", ["ip", "netns", "add", inet], new NewNamespace(inet));
        yield return Net("bring up the internet's loopback", ["ip", "-n", inet, "link", "set", "lo", "up"], new LinkUp(inet, "lo"));
        yield return Sysctls("make the internet IPv4-only", inet, [("net.ipv6.conf.all.disable_ipv6", "1"), ("net.ipv6.conf.default.disable_ipv6", "1")]);
    }

    /// <summary>
    /// A systemd node's network after it was powered off: a fresh namespace with its switch link (down
    /// and unconfigured, as a machine's OS leaves a NIC it does not know) and, on the gateway, the
    /// uplink with its address and route (the machine's "DHCP lease", given again at every boot).
    /// </summary>
    public static IReadOnlyList<LabSetupCommand> MachineNetwork(LabLayout layout, LabNodeLayout node)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(node);
        return [.. NodeNetwork(node, layout.Switch, linkUp: false), .. layout.Uplink is { } uplink && uplink.GatewayNamespace == node.Namespace ? Uplink(uplink) : []];
    }

    /// <summary>
    /// A systemd node's disk: an overlay whose lower layer is the cached Debian root, so every node
    /// boots the same system and keeps its own writes (across its reboots) in its directory.
    /// </summary>
    private static IEnumerable<LabSetupCommand> MachineDisk(LabNodeLayout node, string root)
    {
        yield return new($"node {node.Name}: create its disk", ["mkdir", "-p", node.DiskUpper, node.DiskWork, node.MachineRoot]);
        yield return new(
            $"node {node.Name}: mount its disk over the Debian root",
            ["mount", "-t", "overlay", "overlay", "-o", $"lowerdir={root},upperdir={node.DiskUpper},workdir={node.DiskWork}", node.MachineRoot]);
    }

    /// <summary>
    /// The MAC address of a node's link: the same at every (re)creation, as a machine's NIC keeps its
    /// address across a reboot. With a new one, the other nodes (and the internet) would send to the
    /// old address until their neighbour entries expire — seconds after a reboot with no answer.
    /// Locally administered, unicast, from a hash of the namespace and link name.
    /// </summary>
    public static string StableMac(string namespaceName, string interfaceName)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(namespaceName + "/" + interfaceName));
        return "02:" + string.Join(':', hash.Take(5).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <param name="linkUp">Namespace nodes get their switch link up; a systemd node's stays down, as a real machine's unconfigured NIC.</param>
    private static IEnumerable<LabSetupCommand> NodeNetwork(LabNodeLayout node, string sw, bool linkUp)
    {
        foreach (var command in ExtraNamespace(node.Namespace))
        {
            yield return command with { Purpose = $"node {node.Name}: {command.Purpose}" };
        }

        var mac = StableMac(node.Namespace, node.Interface);
        yield return Net(
            $"node {node.Name}: connect {node.Interface} to the switch",
            ["ip", "link", "add", node.Interface, "address", mac, "netns", node.Namespace, "type", "veth", "peer", "name", node.SwitchPort, "netns", sw],
            new NewVeth(node.Namespace, node.Interface, mac, sw, node.SwitchPort));
        yield return Net($"node {node.Name}: attach its switch port", ["ip", "-n", sw, "link", "set", node.SwitchPort, "master", LabLayout.Bridge, "up"],
            new LinkUp(sw, node.SwitchPort, LabLayout.Bridge));
        if (linkUp)
        {
            yield return Net($"node {node.Name}: bring up {node.Interface}", ["ip", "-n", node.Namespace, "link", "set", node.Interface, "up"],
                new LinkUp(node.Namespace, node.Interface));
        }
    }

    /// <summary>
    /// The node's own mount and UTS namespaces, kept alive by bind mounts on two files. Inside:
    /// overlays on /etc and /var/lib (writes land in the node's upper layer, the machine's files
    /// stay as they are), a tmpfs for /var/lib/cni (CNI leases), for /root (an empty home) and for /run (pid files), and its
    /// hostname. The upper layers take owner and mode from the real directories before mounting,
    /// because an overlay's root takes them from its upper layer. One process: a shell that makes
    /// the node's directories, then <c>unshare</c> into its new namespaces with a shell that mounts
    /// (<see cref="LabShellScript"/>; the parts are the commands that would do each alone).
    /// </summary>
    private static IEnumerable<LabSetupCommand> NodeMounts(LabNodeLayout node, LabNames names)
    {
        string Says(string what) => $"node {node.Name}: {what}";

        // On the machine, from this process: its directories and namespace files.
        string[] directories = [node.EtcUpper, node.EtcWork, node.VarLibUpper, node.VarLibWork, node.RunStaging];
        yield return new(Says("create its private directories"), ["mkdir", "-p", .. directories]) { FileChange = new MakeDirectories(directories) };
        foreach (var (real, upper) in new[] { ("/etc", node.EtcUpper), ("/var/lib", node.VarLibUpper) })
        {
            yield return new(Says($"give its {real} layer the owner and mode of {real}"), ["chown", $"--reference={real}", upper])
            {
                FileChange = new CopyOwnerAndMode(real, upper),
                Parts = [new(Says($"give its {real} layer the owner of {real}"), ["chown", $"--reference={real}", upper]), new(Says($"give its {real} layer the mode of {real}"), ["chmod", $"--reference={real}", upper])],
            };
        }

        string[] namespaceFiles = [node.MountNamespaceFile, node.UtsNamespaceFile];
        yield return new(Says("create its namespace files"), ["touch", .. namespaceFiles]) { FileChange = new CreateFiles(namespaceFiles) };

        // Slave propagation: the machine's later mounts and unmounts still reach the node (a
        // namespace added or deleted under /run/netns afterwards shows up or goes away inside it
        // too), while nothing mounted inside the node ever reaches the machine.
        var enter = new LabSetupCommand(
            Says("create its mount and UTS namespaces"),
            ["unshare", $"--mount={node.MountNamespaceFile}", $"--uts={node.UtsNamespaceFile}", "--propagation", "slave", "--"]);

        var inside = new List<(LabSetupCommand, IReadOnlyList<string>)>();
        void Inside(string what, IReadOnlyList<string> command) => inside.Add((new(Says(what), command), NamespaceCommand.InNodeMounts(node, command)));

        // The copy of the namespace-file mount holds earlier nodes' namespaces alive; drop it so
        // each node's namespaces end when the lab unmounts their files.
        Inside("drop its copy of the namespace files", ["umount", "--recursive", names.NamespaceFileDirectory]);
        Inside("overlay /etc", Overlay("/etc", node.EtcUpper, node.EtcWork));
        Inside("overlay /var/lib", Overlay("/var/lib", node.VarLibUpper, node.VarLibWork));
        Inside("create /var/lib/cni in its layer", ["mkdir", "-p", "/var/lib/cni"]);
        Inside("give /var/lib/cni a tmpfs", Tmpfs("/var/lib/cni"));

        // root's home of its own, empty: the machine's ~/.ssh is never read by the node's sshd, and
        // its shell start files (a ~/.bashrc that runs pyenv, say) do not run in every SSH command.
        Inside("give root an empty home", Tmpfs("/root", "0700"));

        // A tmpfs directly on /run would hide /run/netns, so it is prepared aside with the
        // machine's /run/netns bound in (slave again), then moved over /run. -n: /run/mount/utab
        // would be written into the tmpfs being moved, and mount reports that as a failure.
        Inside("prepare its /run", Tmpfs(node.RunStaging));
        Inside("keep /run/netns in its /run", ["mkdir", $"{node.RunStaging}/netns"]);
        Inside("bind the machine's /run/netns", ["mount", "-n", "--rbind", LabNames.NetnsDirectory, $"{node.RunStaging}/netns"]);
        Inside("let /run/netns follow the machine", ["mount", "-n", "--make-rslave", $"{node.RunStaging}/netns"]);
        Inside("move its /run in place", ["mount", "-n", "--move", node.RunStaging, "/run"]);
        Inside("set its hostname", ["hostname", node.Name]);

        yield return LabShellScript.Step(Says("build its file system"), [], enter, inside);
    }

    /// <summary>
    /// The access network: its own switch, the admin node (a node like the others, outside the
    /// topology), and a second link <c>acc0</c> in every node with its address there.
    /// </summary>
    private static IEnumerable<LabSetupCommand> Access(LabAccessLayout access, LabNames names)
    {
        var sw = access.Switch;
        var length = "/" + LabAccessLayout.PrefixLength.ToString(System.Globalization.CultureInfo.InvariantCulture);
        yield return Net("create the access switch namespace", ["ip", "netns", "add", sw], new NewNamespace(sw));
        yield return Net("bring up the access switch's loopback", ["ip", "-n", sw, "link", "set", "lo", "up"], new LinkUp(sw, "lo"));
        yield return Net("create the access switch bridge", ["ip", "-n", sw, "link", "add", LabLayout.Bridge, "type", "bridge"], new NewBridge(sw, LabLayout.Bridge));
        yield return Net("bring up the access switch bridge", ["ip", "-n", sw, "link", "set", LabLayout.Bridge, "up"], new LinkUp(sw, LabLayout.Bridge));
        foreach (var command in NodeNetwork(access.Admin, sw, linkUp: true).Concat(NodeMounts(access.Admin, names)))
        {
            yield return command;
        }

        yield return Net("give the admin node its access address",
            ["ip", "-n", access.Admin.Namespace, "address", "add", LabAccessLayout.AdminAddress + length, "dev", LabAccessLayout.Interface, "nodad"],
            new NewAddress(access.Admin.Namespace, LabAccessLayout.Interface, InterfaceAddress.Parse(LabAccessLayout.AdminAddress + length), NoDad: true));
        foreach (var port in access.Ports)
        {
            var iface = LabAccessLayout.Interface;
            yield return Net($"node {port.Node}: connect {iface} to the access switch",
                ["ip", "link", "add", iface, "netns", port.Namespace, "type", "veth", "peer", "name", port.SwitchPort, "netns", sw],
                new NewVeth(port.Namespace, iface, null, sw, port.SwitchPort));
            yield return Net($"node {port.Node}: attach its access port", ["ip", "-n", sw, "link", "set", port.SwitchPort, "master", LabLayout.Bridge, "up"],
                new LinkUp(sw, port.SwitchPort, LabLayout.Bridge));
            yield return Net($"node {port.Node}: bring up {iface}", ["ip", "-n", port.Namespace, "link", "set", iface, "up"], new LinkUp(port.Namespace, iface));
            yield return Net($"node {port.Node}: give {iface} its access address", ["ip", "-n", port.Namespace, "address", "add", port.Address + length, "dev", iface, "nodad"],
                new NewAddress(port.Namespace, iface, InterfaceAddress.Parse(port.Address + length), NoDad: true));
        }
    }

    /// <summary>
    /// The gateway's uplink, configured as a machine's owner would have done before Sixgill:
    /// an address and a default route into the IPv4-only internet.
    /// </summary>
    private static IEnumerable<LabSetupCommand> Uplink(LabUplink uplink)
    {
        var (gw, gwIf, inet, inetIf) = (uplink.GatewayNamespace, uplink.GatewayInterface, uplink.InternetNamespace, uplink.InternetInterface);
        var prefix = "/" + LabInternet.PrefixLength.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var mac = StableMac(gw, gwIf);
        yield return Net("connect the gateway to the internet", ["ip", "link", "add", gwIf, "address", mac, "netns", gw, "type", "veth", "peer", "name", inetIf, "netns", inet],
            new NewVeth(gw, gwIf, mac, inet, inetIf));
        yield return Net("bring up the internet's side", ["ip", "-n", inet, "link", "set", inetIf, "up"], new LinkUp(inet, inetIf));
        foreach (var address in LabInternet.InternetAddresses)
        {
            yield return Net($"give the internet {address}", ["ip", "-n", inet, "address", "add", address + prefix, "dev", inetIf],
                new NewAddress(inet, inetIf, InterfaceAddress.Parse(address + prefix)));
        }

        yield return Net("bring up the gateway's uplink", ["ip", "-n", gw, "link", "set", gwIf, "up"], new LinkUp(gw, gwIf));
        yield return Net("give the gateway its uplink address", ["ip", "-n", gw, "address", "add", LabInternet.GatewayUplink + prefix, "dev", gwIf],
            new NewAddress(gw, gwIf, InterfaceAddress.Parse(LabInternet.GatewayUplink + prefix)));
        yield return Net("route the gateway's IPv4 into the internet", ["ip", "-n", gw, "route", "add", "default", "via", LabInternet.Router, "dev", gwIf],
            new NewRoute(gw, new KernelRoute(Prefix.Parse("0.0.0.0/0"), Ip.Parse(LabInternet.Router), gwIf)));
    }

    /// <summary>
    /// A lab without a gateway node (dual-stack, ipv4): the internet joins the switch and routes for
    /// the nodes, from an address of their IPv4 management network.
    /// </summary>
    private static IEnumerable<LabSetupCommand> SwitchUplink(LabUplink uplink, string router)
    {
        var (sw, port, inet, inetIf) = (uplink.GatewayNamespace, uplink.GatewayInterface, uplink.InternetNamespace, uplink.InternetInterface);
        var prefix = "/" + LabInternet.PrefixLength.ToString(System.Globalization.CultureInfo.InvariantCulture);
        yield return Net("connect the internet to the switch", ["ip", "link", "add", port, "netns", sw, "type", "veth", "peer", "name", inetIf, "netns", inet],
            new NewVeth(sw, port, null, inet, inetIf));
        yield return Net("attach the internet's switch port", ["ip", "-n", sw, "link", "set", port, "master", LabLayout.Bridge, "up"], new LinkUp(sw, port, LabLayout.Bridge));
        yield return Net("bring up the internet's side", ["ip", "-n", inet, "link", "set", inetIf, "up"], new LinkUp(inet, inetIf));
        foreach (var address in LabInternet.InternetAddresses)
        {
            yield return Net($"give the internet {address}", ["ip", "-n", inet, "address", "add", address + prefix, "dev", inetIf],
                new NewAddress(inet, inetIf, InterfaceAddress.Parse(address + prefix)));
        }

        yield return Net($"make the internet the nodes' router at {router}", ["ip", "-n", inet, "address", "add", router, "dev", inetIf],
            new NewAddress(inet, inetIf, InterfaceAddress.Parse(router)));
    }

    /// <summary>
    /// A node's own IPv4 way out, as its owner would have set it up before Sixgill: a default route
    /// to the router (on-link: the node's address comes later, from <c>sixgill prepare</c>) and the
    /// internet's DNS server in its own <c>/etc/resolv.conf</c> (the node's overlay, not the machine's).
    /// </summary>
    private static IEnumerable<LabSetupCommand> OwnWayOut(LabNodeLayout node, string router)
    {
        var gateway = router.Split('/')[0];
        yield return Net($"node {node.Name}: default route to the internet via {gateway}",
            ["ip", "-n", node.Namespace, "route", "add", "default", "via", gateway, "dev", node.Interface, "onlink"],
            new NewRoute(node.Namespace, new KernelRoute(Prefix.Parse("0.0.0.0/0"), Ip.Parse(gateway), node.Interface), OnLink: true));
        yield return new($"node {node.Name}: resolve names at the internet's DNS server",
            NamespaceCommand.InNodeMounts(node, ["sh", "-c", $"rm -f /etc/resolv.conf && echo 'nameserver {LabInternet.DnsServer}' > /etc/resolv.conf"]));
    }

    /// <summary>
    /// Addresses are usable at once: duplicate address detection would hold them "tentative" for
    /// about 2 s. Set before any link exists so new links inherit it.
    /// </summary>
    private static LabSetupCommand NoDuplicateAddressDetection(string namespaceName) =>
        Sysctls("switch off duplicate address detection", namespaceName, [("net.ipv6.conf.default.accept_dad", "0"), ("net.ipv6.conf.all.accept_dad", "0")]);

    /// <summary>A step made over rtnetlink (<paramref name="change"/>), <paramref name="command"/> being the ip command that does the same.</summary>
    private static LabSetupCommand Net(string purpose, IReadOnlyList<string> command, LabNetworkChange change) => new(purpose, command) { Change = change };

    /// <summary><c>net.*</c> sysctls written inside a lab namespace, as <c>nsenter --net=… sysctl -q -w KEY=VALUE…</c> would.</summary>
    private static LabSetupCommand Sysctls(string purpose, string namespaceName, IReadOnlyList<(string Key, string Value)> values) =>
        Net(purpose, NamespaceCommand.InNetwork(namespaceName, ["sysctl", "-q", "-w", .. values.Select(v => $"{v.Key}={v.Value}")]), new NamespaceSysctls(namespaceName, values));

    private static string[] Overlay(string target, string upper, string work) =>
        ["mount", "-n", "-t", "overlay", "overlay", "-o", $"lowerdir={target},upperdir={upper},workdir={work}", target];

    private static string[] Tmpfs(string target, string mode = "0755") => ["mount", "-n", "-t", "tmpfs", "-o", "mode=" + mode, "tmpfs", target];
}
