using Sixgill.Lab;

namespace Sixgill.Tests.Lab;

/// <summary>The safety rules of TESTING.md §1, checked on the commands a lab would run.</summary>
public sealed class LabSetupScriptTests
{
    private static readonly LabLayout Layout = LabLayout.Plan(
        new LabSpec("demo", [new("gw", "eth1", IsGateway: true), new("w1", "eth1"), new("w2", "eth1")], WithInternet: true));

    private static readonly IReadOnlyList<LabSetupCommand> Steps = LabSetupScript.For(Layout);

    /// <summary>Every command as it would run on its own: a script step's parts in its place.</summary>
    private static readonly List<IReadOnlyList<string>> Commands = Steps.SelectMany(c => c.Flattened).Select(c => c.Command).ToList();

    [Fact]
    public void Only_a_nodes_mounts_are_made_through_a_shell_and_nothing_else_runs_through_one()
    {
        Commands.ShouldAllBe(c => !c.Any(a => a == "sh" || a == "bash" || a == "-c") || (c[0] == "unshare" && c[c.Count - 1] == "sh"));
        var scripts = Steps.Where(s => s.Command.Contains("sh")).ToList();
        scripts.Count.ShouldBe(Layout.Nodes.Count);
        scripts.ShouldAllBe(s => s.Command[0] == "unshare" && s.Parts.Count > 0);
    }

    [Fact]
    public void A_nodes_mounts_are_one_unshare_into_its_namespaces_with_a_shell_running_its_parts_in_order_every_argument_quoted()
    {
        var node = Layout.Nodes[1];
        var step = Steps.Single(s => s.Purpose == $"node {node.Name}: build its file system");
        var unshare = new[] { "unshare", $"--mount={node.MountNamespaceFile}", $"--uts={node.UtsNamespaceFile}", "--propagation", "slave", "--" };
        step.Command.Take(unshare.Length).ShouldBe(unshare);
        step.Command.Skip(unshare.Length).Take(2).ShouldBe(["sh", "-c"]);
        step.Command.Count.ShouldBe(unshare.Length + 3);
        step.Parts[0].Command.ShouldBe([.. unshare, "sh"]);

        // Each part without its nsenter, which the unshare stands for.
        var insideParts = step.Parts.Skip(1).ToList();
        var lines = step.Command[^1].Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(insideParts.Count);
        for (var i = 0; i < insideParts.Count; i++)
        {
            var alone = insideParts[i].Command;
            alone.Take(4).ShouldBe(NamespaceCommand.InNodeMounts(node, []));
            lines[i].ShouldBe(string.Join(' ', alone.Skip(4).Select(LabShellScript.Quote)) + $" || {{ s=$?; echo {LabShellScript.Quote("cannot " + insideParts[i].Purpose)} >&2; exit $s; }}");
        }

        insideParts[^1].Command.ShouldBe(NamespaceCommand.InNodeMounts(node, ["hostname", node.Name]));
    }

    [Fact]
    public void The_machines_side_of_a_node_is_made_from_the_process_only_inside_the_labs_work_directory()
    {
        var files = Steps.Where(s => s.FileChange is not null).ToList();
        files.Select(s => s.Command[0]).Distinct().Order(StringComparer.Ordinal).ShouldBe(["chown", "mkdir", "mount", "touch"]);
        foreach (var step in files)
        {
            step.FileChange!.Targets.ShouldNotBeEmpty();
            step.FileChange.Targets.ShouldAllBe(t => Layout.Names.OwnsPath(t), string.Join(' ', step.Command));
            step.FileChange.Targets.ShouldAllBe(t => step.Command.Contains(t), string.Join(' ', step.Command));
        }

        foreach (var outside in new LabFileChange[] { new MakeDirectories(["/etc/x"]), new CreateFiles([Layout.Names.WorkDirectory + "/../x"]), new BindPrivately("/run"), new CopyOwnerAndMode("/etc", "/etc") })
        {
            Should.Throw<InvalidOperationException>(() => LabFileChange.Apply(outside, Layout.Names)).Message.ShouldContain("changes only files in");
        }
    }

    [Theory]
    [InlineData("plain", "'plain'")]
    [InlineData("it's", "'it'\\''s'")]
    [InlineData("$HOME `x` \"y\"", "'$HOME `x` \"y\"'")]
    public void Shell_words_are_taken_literally(string argument, string quoted) => LabShellScript.Quote(argument).ShouldBe(quoted);

    [Fact]
    public void A_failed_script_names_the_part_that_failed_and_what_its_program_said()
    {
        LabShellScript.Failure("node w1: build its file system", "mount: /etc: wrong fs type.\ncannot node w1: overlay /etc\n")
            .ShouldBe("cannot node w1: overlay /etc: mount: /etc: wrong fs type.");
        LabShellScript.Failure("node w1: build its file system", "unshare: cannot do it\n")
            .ShouldBe("cannot node w1: build its file system: unshare: cannot do it");
    }

    [Fact]
    public void Every_ip_command_names_a_lab_namespace()
    {
        var ipCommands = Commands.Where(c => c[0] == "ip").ToList();
        ipCommands.ShouldNotBeEmpty();
        foreach (var command in ipCommands)
        {
            var targets = Targets(command);
            targets.ShouldNotBeEmpty(string.Join(' ', command));
            targets.ShouldAllBe(ns => Layout.Names.Owns(ns), string.Join(' ', command));
        }
    }

    [Fact]
    public void Every_ip_and_sysctl_step_is_made_over_rtnetlink_in_exactly_the_lab_namespaces_its_command_names()
    {
        var network = Steps.Where(s => s.Command[0] == "ip" || s.Command.Contains("sysctl")).ToList();
        network.ShouldNotBeEmpty();
        foreach (var step in network)
        {
            var change = step.Change.ShouldNotBeNull(string.Join(' ', step.Command));
            var named = step.Command[0] == "ip" ? Targets(step.Command) : [step.Command[1]["--net=/run/netns/".Length..]];
            change.Namespaces.Order(StringComparer.Ordinal).ShouldBe(named.Distinct().Order(StringComparer.Ordinal), string.Join(' ', step.Command));
            change.Namespaces.ShouldAllBe(ns => Layout.Names.Owns(ns), string.Join(' ', step.Command));
        }

        Steps.Where(s => s.Change is not null).ShouldAllBe(s => network.Contains(s));
    }

    [Fact]
    public void The_rtnetlink_path_refuses_a_namespace_that_is_not_the_labs_before_opening_anything()
    {
        using var netlink = new LabNetlink(Layout.Names);

        foreach (var change in new LabNetworkChange[]
        {
            new NewNamespace("sg-other-w1"),
            new LinkUp("eth0", "eth0"),
            new NewVeth("sg-demo-w1", "eth1", null, "host", "p-w1"),
            new NamespaceSysctls("sg-demo", [("net.ipv6.conf.all.accept_dad", "0")]),
            new LinkUp("sg-demo-../../proc/1/ns/net", "eth0"),
        })
        {
            Should.Throw<InvalidOperationException>(() => netlink.Apply(change)).Message.ShouldContain("changes only its own namespaces");
        }

        netlink.Opened.ShouldBeEmpty();
    }

    [Fact]
    public void Veth_pairs_are_created_with_both_ends_inside_lab_namespaces()
    {
        var veths = Commands.Where(c => c.Contains("veth")).ToList();

        veths.Count.ShouldBe(4);
        foreach (var command in veths)
        {
            command.Count(a => a == "netns").ShouldBe(2);
            var ends = command.Select((a, i) => (a, i)).Where(x => x.a == "netns").Select(x => command[x.i + 1]);
            ends.ShouldAllBe(ns => Layout.Names.Owns(ns), string.Join(' ', command));
        }
    }

    [Fact]
    public void Every_node_link_gets_a_stable_locally_administered_MAC_of_its_own()
    {
        var macs = Commands.Where(c => c.Contains("veth")).Select(c => c.SkipWhile(a => a != "address").Skip(1).First()).ToList();

        macs.Count.ShouldBe(4);
        macs.Distinct().Count().ShouldBe(4);
        macs.ShouldAllBe(m => m.StartsWith("02:", StringComparison.Ordinal) && m.Length == 17);
        LabSetupScript.StableMac("sg-demo-w1", "eth1").ShouldBe(LabSetupScript.StableMac("sg-demo-w1", "eth1"), "a reboot makes the link again with the same address");
        LabSetupScript.StableMac("sg-demo-w1", "eth1").ShouldNotBe(LabSetupScript.StableMac("sg-demo-w2", "eth1"));
    }

    [Fact]
    public void Every_sysctl_is_a_net_key_written_inside_a_lab_namespace()
    {
        var sysctls = Commands.Where(c => c.Contains("sysctl")).ToList();

        sysctls.ShouldNotBeEmpty();
        foreach (var command in sysctls)
        {
            command[0].ShouldBe("nsenter");
            command[1].ShouldStartWith("--net=/run/netns/sg-demo-");
            command.SkipWhile(a => a != "-w").Skip(1).ShouldAllBe(a => a.StartsWith("net.", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Duplicate_address_detection_is_off_before_a_nodes_links_exist()
    {
        Layout.Nodes.ShouldNotBeEmpty();
        foreach (var node in Layout.Nodes)
        {
            var dadOff = IndexOf(c => c.Contains($"--net=/run/netns/{node.Namespace}") && c.Contains("net.ipv6.conf.default.accept_dad=0"));
            var firstLink = IndexOf(c => c.Contains("veth") && c.Contains(node.Namespace));
            dadOff.ShouldBeGreaterThanOrEqualTo(0);
            dadOff.ShouldBeLessThan(firstLink);
        }
    }

    [Fact]
    public void Overlay_layers_take_owner_and_mode_of_the_real_directory_before_mounting()
    {
        Layout.Nodes.ShouldNotBeEmpty();
        foreach (var node in Layout.Nodes)
        {
            var overlay = IndexOf(c => c.Contains("overlay") && c[^1] == "/etc" && c.Contains($"--mount={node.MountNamespaceFile}"));
            IndexOf(c => c is ["chown", "--reference=/etc", var up] && up == node.EtcUpper).ShouldBeInRange(0, overlay - 1);
            IndexOf(c => c is ["chmod", "--reference=/etc", var up] && up == node.EtcUpper).ShouldBeInRange(0, overlay - 1);
        }
    }

    [Fact]
    public void Mounts_change_the_machine_only_inside_the_labs_work_directory()
    {
        var mounts = Commands.Where(c => c[0] == "mount").ToList();
        mounts.ShouldNotBeEmpty();
        foreach (var command in mounts)
        {
            command[^1].ShouldStartWith(Layout.Names.WorkDirectory + "/");
        }

        // Every other mount runs inside a node's mount namespace.
        Commands.Where(c => c.Contains("mount") && c[0] != "mount" && c[0] != "nsenter").ShouldBeEmpty();
        Commands.Where(c => c[0] == "nsenter" && c.Contains("mount"))
            .ShouldAllBe(c => c[1].StartsWith("--mount=/run/sixgill-lab/demo/ns/", StringComparison.Ordinal));
    }

    [Fact]
    public void Each_node_gets_its_hostname_last()
    {
        Layout.Nodes.ShouldNotBeEmpty();
        foreach (var node in Layout.Nodes)
        {
            var hostname = IndexOf(c => c.SequenceEqual(NamespaceCommand.InNodeMounts(node, ["hostname", node.Name])));
            hostname.ShouldBeGreaterThan(IndexOf(c => c.Contains("--move") && c.Contains($"--mount={node.MountNamespaceFile}")));
        }
    }

    [Fact]
    public void The_uplink_uses_only_documentation_addresses()
    {
        var addresses = Commands.Where(c => c.Contains("address") || c.Contains("via")).SelectMany(c => c).Where(a => a.Contains('.', StringComparison.Ordinal) && char.IsAsciiDigit(a[0]));

        addresses.ShouldAllBe(a => a.StartsWith("203.0.113.", StringComparison.Ordinal));
    }

    [Fact]
    public void A_node_command_enters_all_three_namespaces()
    {
        var node = Layout.Nodes[0];

        NamespaceCommand.InNode(node, ["hostname"]).ShouldBe(
            ["nsenter", "--net=/run/netns/sg-demo-gw", "--mount=/run/sixgill-lab/demo/ns/gw.mnt", "--uts=/run/sixgill-lab/demo/ns/gw.uts", "--", "hostname"]);
    }

    /// <summary>The namespaces an ip command acts in: its <c>-n</c>, what <c>netns add</c> makes, and every <c>netns X</c> of a link.</summary>
    private static List<string> Targets(IReadOnlyList<string> command)
    {
        var targets = new List<string>();
        for (var i = 1; i < command.Count - 1; i++)
        {
            if (command[i] is "-n" or "netns" && !(command[i] == "netns" && command[i + 1] == "add"))
            {
                targets.Add(command[i + 1]);
            }
        }

        if (command is ["ip", "netns", "add", var made])
        {
            targets.Add(made);
        }

        return targets;
    }

    private static int IndexOf(Func<IReadOnlyList<string>, bool> match)
    {
        for (var i = 0; i < Commands.Count; i++)
        {
            if (match(Commands[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
