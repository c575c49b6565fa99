using Sixgill.Machine;

namespace Sixgill.IntegrationTests;

/// <summary>
/// <c>--all</c> over SSH for real: the admin node of a lab drives gw, w1 and w2 through their own
/// OpenSSH servers, as a user's admin machine drives real ones. The tests of this class share one
/// lab and leave it as they found it (cleaned), each with its own HOME.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class FleetOverSshTests(FleetLabFixture fixture) : IClassFixture<FleetLabFixture>
{
    [Fact]
    public async Task Prepare_all_from_the_admin_node_goes_gateway_first_and_clean_all_leaves_nothing()
    {
        var home = fixture.NewHome();
        var config = fixture.Names.NodeConfig;
        var hostsBefore = await NodeFileAsync("w1", "/etc/hosts");
        var resolvBefore = await NodeFileAsync("w2", "/etc/resolv.conf");
        try
        {
            var prepare = await fixture.AdminAsync(home, "prepare", "--all", "-c", config);
            prepare.ExitCode.ShouldBe(0, prepare.StandardOutput + prepare.StandardError);
            var progress = prepare.StandardError;
            progress.IndexOf("gw: ok in", StringComparison.Ordinal).ShouldBeGreaterThan(0, progress);
            progress.IndexOf("gw: ok in", StringComparison.Ordinal).ShouldBeLessThan(progress.IndexOf("w1: running sixgill prepare", StringComparison.Ordinal), progress);
            progress.IndexOf("gw: ok in", StringComparison.Ordinal).ShouldBeLessThan(progress.IndexOf("w2: running sixgill prepare", StringComparison.Ordinal), progress);
            prepare.StandardOutput.ShouldContain("prepare --all: done, 3 of 3 nodes ok");

            // A minion resolves through DNS64 and fetches through NAT64: verify on the minions, also over SSH.
            var verify = await fixture.AdminAsync(home, "verify", "--node", "w1", "--node", "w2", "-c", config, "--output", "json");
            verify.ExitCode.ShouldBe(0, verify.StandardOutput + verify.StandardError);
            var checks = FleetLabFixture.NodesOf(FleetLabFixture.Json(verify));
            checks.Keys.ShouldBe(["w1", "w2"], ignoreOrder: true);
            checks.Values.ShouldAllBe(n => n.GetProperty("result").GetString() == "ok");

            var plan = await fixture.AdminAsync(home, "plan", "--all", "--detailed-exitcode", "-c", config);
            plan.ExitCode.ShouldBe(0, plan.StandardOutput + plan.StandardError);

            // The second run finds the program and the config there, by SHA-256, and sends nothing.
            var again = await fixture.AdminAsync(home, "prepare", "--all", "-c", config, "--output", "json");
            again.ExitCode.ShouldBe(0, again.StandardError);
            foreach (var (name, node) in FleetLabFixture.NodesOf(FleetLabFixture.Json(again)))
            {
                node.GetProperty("sent").GetArrayLength().ShouldBe(0, name);
                node.GetProperty("changes").GetString().ShouldBe("0 applied", name);
            }

            again.StandardError.ShouldContain("gw: ready (Linux x86_64, key exchange curve25519-sha256, cipher aes128-gcm@openssh.com; program and config unchanged, nothing sent)");

            var clean = await fixture.AdminAsync(home, "clean", "--all", "-c", config);
            clean.ExitCode.ShouldBe(0, clean.StandardOutput + clean.StandardError);
            clean.StandardOutput.ShouldContain("left on each node: the program in /var/lib/sixgill/bin");
            var left = await fixture.AdminAsync(home, "plan", "clean", "--all", "--detailed-exitcode", "-c", config);
            left.ExitCode.ShouldBe(0, left.StandardOutput + left.StandardError);
            (await NodeFileAsync("w1", "/etc/hosts")).ShouldBe(hostsBefore);
            (await NodeFileAsync("w2", "/etc/resolv.conf")).ShouldBe(resolvBefore);
        }
        finally
        {
            await fixture.AdminAsync(home, "clean", "--all", "-c", config);
        }
    }

    [Fact]
    public async Task A_node_whose_host_key_changed_is_refused_with_both_fingerprints_and_the_others_are_served()
    {
        var home = fixture.NewHome();
        var stranger = $"{home}/stranger";
        (await new Sixgill.Host.Processes.ProcessRunner().RunAsync(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", stranger], TestContext.Current.CancellationToken)).EnsureSuccess();
        var strangerKey = File.ReadAllText(stranger + ".pub").Split(' ')[1];
        var lines = File.ReadAllLines($"{home}/.ssh/known_hosts").Select(l => l.StartsWith("w1,", StringComparison.Ordinal) ? $"{l.Split(' ')[0]} ssh-ed25519 {strangerKey}" : l);
        File.WriteAllLines($"{home}/.ssh/known_hosts", lines);

        var plan = await fixture.AdminAsync(home, "plan", "--all", "-c", fixture.Names.NodeConfig, "--output", "json");

        plan.ExitCode.ShouldBe(3, plan.StandardError);
        var nodes = FleetLabFixture.NodesOf(FleetLabFixture.Json(plan));
        FleetLabFixture.Result(nodes["w1"]).ShouldBe("refused");
        FleetLabFixture.Result(nodes["gw"]).ShouldBe("ok");
        FleetLabFixture.Result(nodes["w2"]).ShouldBe("ok");
        var warning = string.Join("\n", nodes["w1"].GetProperty("errors").EnumerateArray().Select(e => e.GetString()));
        warning.ShouldContain("WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!");
        warning.ShouldContain(await FingerprintAsync(stranger + ".pub"));
        warning.ShouldContain(await FingerprintAsync($"{fixture.Names.SshDirectory}/w1/ssh_host_ed25519_key.pub"));
    }

    [Fact]
    public async Task An_unknown_host_key_is_refused_unless_new_keys_may_be_accepted_and_then_it_is_recorded_hashed()
    {
        var home = fixture.NewHome();
        var knownHosts = $"{home}/.ssh/known_hosts";
        File.WriteAllLines(knownHosts, File.ReadAllLines(knownHosts).Where(l => !l.StartsWith("w2,", StringComparison.Ordinal)));
        var config = fixture.Names.NodeConfig;

        var refused = await fixture.AdminAsync(home, "plan", "--all", "-c", config, "--output", "json");
        refused.ExitCode.ShouldBe(3);
        var nodes = FleetLabFixture.NodesOf(FleetLabFixture.Json(refused));
        FleetLabFixture.Result(nodes["w2"]).ShouldBe("refused");
        nodes["w2"].GetProperty("errors")[0].GetString()!.ShouldContain("the authenticity of host 'w2' can't be established");

        var accepted = await fixture.AdminAsync(home, "plan", "--all", "--accept-new-host-keys", "-c", config);
        accepted.ExitCode.ShouldBe(0, accepted.StandardOutput + accepted.StandardError);
        File.ReadAllLines(knownHosts).Count(l => l.StartsWith("|1|", StringComparison.Ordinal)).ShouldBe(1);

        (await fixture.AdminAsync(home, "plan", "--all", "-c", config)).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task A_wrong_key_or_a_wrong_user_is_refused_by_name()
    {
        var home = fixture.NewHome();
        (await new Sixgill.Host.Processes.ProcessRunner().RunAsync(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", $"{home}/other"], TestContext.Current.CancellationToken)).EnsureSuccess();

        var wrongKey = await fixture.AdminAsync(home, "plan", "--all", "--ssh-key", $"{home}/other", "-c", fixture.Names.NodeConfig, "--output", "json");
        wrongKey.ExitCode.ShouldBe(3);
        foreach (var (name, node) in FleetLabFixture.NodesOf(FleetLabFixture.Json(wrongKey)))
        {
            FleetLabFixture.Result(node).ShouldBe("refused", name);
            node.GetProperty("errors")[0].GetString()!.ShouldContain($"node {name}: root@{name} refused the login");
        }

        var config = fixture.ConfigWith("ghost", text => FleetLabFixture.UnderNode(text, "w1", "ssh: ghost@w1"));
        var wrongUser = await fixture.AdminAsync(home, "plan", "--all", "-c", config, "--output", "json");
        wrongUser.ExitCode.ShouldBe(3);
        var nodes = FleetLabFixture.NodesOf(FleetLabFixture.Json(wrongUser));
        nodes["w1"].GetProperty("errors")[0].GetString()!.ShouldContain("node w1: ghost@w1 refused the login");
        FleetLabFixture.Result(nodes["gw"]).ShouldBe("ok");
    }

    [Fact]
    public async Task The_key_exchange_is_the_one_asked_for_and_a_node_offering_none_of_them_is_refused_by_name()
    {
        var home = fixture.NewHome();
        var config = fixture.Names.NodeConfig;

        // The post-quantum exchange of OpenSSH 8.5–9.8, asked for by name (by default curve25519 comes first).
        var asked = await fixture.AdminAsync(home, "plan", "--node", "gw", "--ssh-kex", "sntrup761x25519-sha512@openssh.com", "-c", config);
        asked.ExitCode.ShouldBe(0, asked.StandardOutput + asked.StandardError);
        asked.StandardError.ShouldContain("gw: ready (Linux x86_64, key exchange sntrup761x25519-sha512, cipher aes128-gcm@openssh.com"); // SSH.NET names it without @openssh.com

        // OpenSSH has not offered diffie-hellman-group1-sha1 for years: that node is refused, named, nothing else tried.
        var none = await fixture.AdminAsync(home, "plan", "--all", "--ssh-kex", "diffie-hellman-group1-sha1", "-c", config, "--output", "json");
        none.ExitCode.ShouldBe(3, none.StandardOutput + none.StandardError);
        foreach (var (name, node) in FleetLabFixture.NodesOf(FleetLabFixture.Json(none)))
        {
            FleetLabFixture.Result(node).ShouldBe("refused", name);
            node.GetProperty("errors")[0].GetString()!.ShouldContain($"node {name}: root@{name} and this machine have no key exchange method in common");
            node.GetProperty("errors")[0].GetString()!.ShouldContain("offered: diffie-hellman-group1-sha1");
        }

        var unknown = await fixture.AdminAsync(home, "plan", "--all", "--ssh-kex", "curve25519", "-c", config);
        unknown.ExitCode.ShouldBe(2);
        unknown.StandardError.ShouldContain("--ssh-kex curve25519: not a comma-separated list of key exchange methods Sixgill can use");
        unknown.StandardError.ShouldContain("curve25519-sha256");
        unknown.StandardError.ShouldNotContain("connecting to");
    }

    [Fact]
    public async Task A_user_without_sudo_is_refused_and_one_with_passwordless_sudo_prepares_and_cleans_end_to_end()
    {
        var home = fixture.NewHome();
        const string user = "sgadmin";
        await InNodeAsync("w2", "useradd", "-m", "-d", $"/var/lib/{user}", "-s", "/bin/sh", user);
        await InNodeAsync("w2", "usermod", "-p", "*", user);
        await InNodeAsync("w2", "install", "-d", "-o", user, "-m", "0700", $"/var/lib/{user}/.ssh");
        await InNodeAsync("w2", "install", "-o", user, "-m", "0600", $"{home}/.ssh/id_ed25519.pub", $"/var/lib/{user}/.ssh/authorized_keys");
        var config = fixture.ConfigWith("sudo", text => FleetLabFixture.UnderNode(text, "w2", $"ssh: {user}@w2"));
        try
        {
            var refused = await fixture.AdminAsync(home, "plan", "--node", "w2", "-c", config, "--output", "json");
            refused.ExitCode.ShouldBe(3, refused.StandardOutput + refused.StandardError);
            var node = FleetLabFixture.NodesOf(FleetLabFixture.Json(refused))["w2"];
            node.GetProperty("errors")[0].GetString()!.ShouldContain($"user {user} cannot run commands as root without a password");

            await InNodeAsync("w2", "sh", "-c", $"echo '{user} ALL=(ALL) NOPASSWD: ALL' > /etc/sudoers.d/{user} && chmod 0440 /etc/sudoers.d/{user}");
            var prepare = await fixture.AdminAsync(home, "prepare", "--node", "w2", "-c", config);
            prepare.ExitCode.ShouldBe(0, prepare.StandardOutput + prepare.StandardError);
            (await NodeFileAsync("w2", "/etc/hosts")).ShouldContain("# sixgill");
            (await InNodeAsync("w2", "stat", "-c", "%U %a", "/etc/sixgill/cluster.yaml")).Trim().ShouldBe("root 600");

            var clean = await fixture.AdminAsync(home, "clean", "--node", "w2", "-c", config);
            clean.ExitCode.ShouldBe(0, clean.StandardOutput + clean.StandardError);
            (await NodeFileAsync("w2", "/etc/hosts")).ShouldNotContain("# sixgill");
        }
        finally
        {
            await fixture.AdminAsync(home, "clean", "--node", "w2", "-c", fixture.Names.NodeConfig);
            await InNodeAsync("w2", "sh", "-c", $"rm -f /etc/sudoers.d/{user}; userdel -r {user} 2>/dev/null; true");
        }
    }

    [Fact]
    public async Task An_unreachable_node_stops_the_run_before_any_node_changes()
    {
        var home = fixture.NewHome();
        var config = fixture.ConfigWith("unreachable", text => FleetLabFixture.UnderNode(text, "w2", "ssh: root@[fd00:99::1:99]"));

        var journalBefore = await fixture.Lab.Node("gw").RunAsync(["cat", "/var/lib/sixgill/journal.json"], TestContext.Current.CancellationToken);
        var prepare = await fixture.AdminAsync(home, "prepare", "--all", "--connect-timeout", "2", "-c", config);

        prepare.ExitCode.ShouldBe(3, prepare.StandardOutput + prepare.StandardError);
        prepare.StandardError.ShouldContain("sixgill: node w2: cannot reach root@fd00:99::1:99");
        prepare.StandardError.ShouldContain("1 node cannot be reached (w2); no node was changed", Case.Sensitive, prepare.StandardError);
        var journalAfter = await fixture.Lab.Node("gw").RunAsync(["cat", "/var/lib/sixgill/journal.json"], TestContext.Current.CancellationToken);
        (journalAfter.ExitCode, journalAfter.StandardOutput).ShouldBe((journalBefore.ExitCode, journalBefore.StandardOutput), "the gateway's journal is as it was: nothing ran there");
    }

    [Fact]
    public async Task When_the_gateway_fails_the_minions_are_not_started()
    {
        var home = fixture.NewHome();
        var config = fixture.ConfigWith("brokengw", text => text.Replace("  gw:\n    interface: eth1", "  gw:\n    interface: eth9", StringComparison.Ordinal));

        var prepare = await fixture.AdminAsync(home, "prepare", "--all", "-c", config, "--output", "json");

        prepare.ExitCode.ShouldBe(3, prepare.StandardError);
        var nodes = FleetLabFixture.NodesOf(FleetLabFixture.Json(prepare));
        FleetLabFixture.Result(nodes["gw"]).ShouldBe("precondition");
        nodes["gw"].GetProperty("errors").EnumerateArray().Select(e => e.GetString()).ShouldContain(e => e!.Contains("interface eth9 does not exist", StringComparison.Ordinal));
        FleetLabFixture.Result(nodes["w1"]).ShouldBe("not started: gw failed");
        FleetLabFixture.Result(nodes["w2"]).ShouldBe("not started: gw failed");
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task Ctrl_C_in_the_middle_of_a_wave_stops_every_node_and_says_what_each_did()
    {
        var home = fixture.NewHome();
        var config = fixture.Names.NodeConfig;
        try
        {
            // w1 never starts: its journal (absent, or left empty by an earlier clean of this lab) stays as it is.
            var w1Before = await JournalAsync("w1");
            await using var run = fixture.Lab.Admin!.Start(new ProcessRequest(FleetLabFixture.Command(home, ["prepare", "--all", "-c", config])));
            await Wait.UntilAsync(() => run.StandardError.Contains("gw: running sixgill prepare", StringComparison.Ordinal) || run.HasExited,
                "the wave to start gw (or the run to end)", TimeSpan.FromMinutes(3), cancellationToken: TestContext.Current.CancellationToken);

            run.HasExited.ShouldBeFalse(run.StandardError);
            (await new Sixgill.Host.Processes.ProcessRunner().RunAsync(["kill", "-INT", run.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture)], TestContext.Current.CancellationToken)).EnsureSuccess();
            await run.WaitForExitAsync(TestContext.Current.CancellationToken);

            run.ExitCode.ShouldBe(130, run.StandardOutput + run.StandardError);
            run.StandardError.ShouldContain("interrupted: every running node is told (SIGINT)");
            run.StandardOutput.ShouldContain("w1    not started: interrupted");
            run.StandardOutput.ShouldContain("w2    not started: interrupted");
            run.StandardOutput.ShouldMatch(@"gw\s+(interrupted|failed|ok)\s");
            (await JournalAsync("w1")).ShouldBe(w1Before);
        }
        finally
        {
            await fixture.AdminAsync(home, "clean", "--all", "-c", config);
        }
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task Kubeconfig_all_merges_the_masters_context_into_this_machines_kubeconfig_and_prints_no_credential()
    {
        var home = fixture.NewHome();
        var config = fixture.Names.NodeConfig;
        const string Key = "bWFkZS11cCBrZXk=";
        const string Theirs = "apiVersion: v1\nkind: Config\nclusters:\n- name: prod\n  cluster:\n    server: https://prod.example:6443\n"
            + "contexts:\n- name: prod\n  context: {cluster: prod, user: ops}\ncurrent-context: prod\nusers:\n- name: ops\n  user: {token: not-a-real-token}\n";
        // The master as kubeadm init leaves it: admin.conf in kubeadm's layout (made-up keys), root only.
        var adminConf = "apiVersion: v1\nclusters:\n- cluster:\n    certificate-authority-data: bWFkZS11cCBDQQ==\n    server: https://[fd00:20::2]:6443\n  name: kubernetes\n"
            + "contexts:\n- context:\n    cluster: kubernetes\n    user: kubernetes-admin\n  name: kubernetes-admin@kubernetes\ncurrent-context: kubernetes-admin@kubernetes\n"
            + $"kind: Config\npreferences: {{}}\nusers:\n- name: kubernetes-admin\n  user:\n    client-certificate-data: bWFkZS11cCBjZXJ0\n    client-key-data: {Key}\n";
        await InNodeAsync("gw", "sh", "-c", $"mkdir -p /etc/kubernetes && printf '%s' '{adminConf}' > /etc/kubernetes/admin.conf && chmod 600 /etc/kubernetes/admin.conf");
        Directory.CreateDirectory($"{home}/.kube");
        await File.WriteAllTextAsync($"{home}/.kube/config", Theirs, TestContext.Current.CancellationToken);
        try
        {
            var run = await fixture.AdminAsync(home, "kubeconfig", "--all", "-c", config);

            run.ExitCode.ShouldBe(0, run.StandardOutput + run.StandardError);
            run.StandardOutput.ShouldContain($"{home}/.kube/config has the context sixgill-gw (now current); the file before is {home}/.kube/config.before-sixgill-gw");
            (run.StandardOutput + run.StandardError).ShouldNotContain(Key);
            run.StandardError.ShouldNotContain("w1: running");
            var merged = await File.ReadAllTextAsync($"{home}/.kube/config", TestContext.Current.CancellationToken);
            merged.ShouldContain(Key);
            merged.ShouldContain("current-context: \"sixgill-gw\"");
            merged.ShouldContain("server: https://prod.example:6443");
            merged.ShouldContain("token: not-a-real-token");
            File.GetUnixFileMode($"{home}/.kube/config").ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
            (await File.ReadAllTextAsync($"{home}/.kube/config.before-sixgill-gw", TestContext.Current.CancellationToken)).ShouldBe(Theirs);

            var json = await fixture.AdminAsync(home, "kubeconfig", "--all", "-c", config, "--output", "json");
            json.ExitCode.ShouldBe(0, json.StandardError);
            FleetLabFixture.NodesOf(FleetLabFixture.Json(json)).Keys.ShouldBe(["gw"]);
            json.StandardOutput.ShouldNotContain(Key);
        }
        finally
        {
            await InNodeAsync("gw", "rm", "-f", "/etc/kubernetes/admin.conf");
        }
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task A_node_of_another_architecture_is_refused_before_anything_is_sent_and_the_others_are_served()
    {
        var home = fixture.NewHome();
        // w1 (only it: the bind mount is made in w1's own mount namespace, where its sshd runs) says it is an arm64 machine.
        var fake = $"{fixture.Names.SharedDirectory}/uname-aarch64";
        await File.WriteAllTextAsync(fake, "#!/bin/sh\ncase \"$*\" in -sm) echo Linux aarch64;; -m) echo aarch64;; *) echo Linux;; esac\n", TestContext.Current.CancellationToken);
        File.SetUnixFileMode(fake, (UnixFileMode)0b111_101_101);
        var sentBefore = await InNodeAsync("w1", "sh", "-c", "ls -l --time-style=full-iso /var/lib/sixgill/bin/sixgill 2>/dev/null || echo absent");
        await InNodeAsync("w1", "mount", "--bind", fake, "/usr/bin/uname");
        try
        {
            (await InNodeAsync("w1", "uname", "-m")).Trim().ShouldBe("aarch64");
            (await InNodeAsync("w2", "uname", "-m")).Trim().ShouldBe("x86_64", "the bind mount stays in w1");

            var plan = await fixture.AdminAsync(home, "plan", "--all", "-c", fixture.Names.NodeConfig, "--output", "json");

            plan.ExitCode.ShouldBe(3, plan.StandardOutput + plan.StandardError);
            var nodes = FleetLabFixture.NodesOf(FleetLabFixture.Json(plan));
            FleetLabFixture.Result(nodes["w1"]).ShouldBe("refused");
            nodes["w1"].GetProperty("sent").GetArrayLength().ShouldBe(0);
            var errors = nodes["w1"].GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToList();
            errors[0].ShouldBe("node w1 runs Linux aarch64, and this sixgill is built for Linux x86_64; the node was not changed");
            errors.ShouldContain("  fix: run --all from a machine of the nodes' kind, or use a sixgill built for aarch64 there");
            FleetLabFixture.Result(nodes["gw"]).ShouldBe("ok");
            FleetLabFixture.Result(nodes["w2"]).ShouldBe("ok");
            (await InNodeAsync("w1", "sh", "-c", "ls -l --time-style=full-iso /var/lib/sixgill/bin/sixgill 2>/dev/null || echo absent")).ShouldBe(sentBefore);

            var text = await fixture.AdminAsync(home, "plan", "--all", "-c", fixture.Names.NodeConfig);
            text.ExitCode.ShouldBe(3);
            text.StandardOutput.ShouldContain("node w1 runs Linux aarch64, and this sixgill is built for Linux x86_64; the node was not changed");
        }
        finally
        {
            await InNodeAsync("w1", "umount", "/usr/bin/uname");
        }

        (await InNodeAsync("w1", "uname", "-m")).Trim().ShouldBe("x86_64");
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task A_key_with_a_passphrase_fails_clearly_without_a_terminal_and_asks_for_it_on_one()
    {
        Guard.Require("the passphrase test", LabRequirements.IsOnPath("script") ? [] : ["program 'script' (Debian package util-linux)"]);
        var home = fixture.NewHome();
        var key = $"{home}/locked";
        (await new Sixgill.Host.Processes.ProcessRunner().RunAsync(["ssh-keygen", "-q", "-t", "ed25519", "-N", "secret", "-f", key], TestContext.Current.CancellationToken)).EnsureSuccess();
        var config = fixture.Names.NodeConfig;
        var authorized = $"{fixture.Names.SshDirectory}/authorized_keys";
        var authorizedBefore = await File.ReadAllTextAsync(authorized, TestContext.Current.CancellationToken);
        await File.AppendAllTextAsync(authorized, await File.ReadAllTextAsync(key + ".pub", TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);
        try
        {
            var journalBefore = await JournalAsync("gw");
            var piped = await fixture.AdminAsync(home, "prepare", "--all", "--ssh-key", key, "-c", config);

            piped.ExitCode.ShouldBe(3, piped.StandardOutput + piped.StandardError);
            piped.StandardError.ShouldContain($"sixgill: the SSH key {key} is protected by a passphrase and there is no terminal to ask for it; no node was contacted");
            piped.StandardError.ShouldContain("fix: run on a terminal, or give a key without a passphrase with --ssh-key FILE");
            piped.StandardError.ShouldNotContain("connecting to");
            (await JournalAsync("gw")).ShouldBe(journalBefore);

            // On a terminal (script's pseudo-terminal in the admin node): the prompt, then the passphrase typed once it shows.
            var typescript = $"{home}/typescript";
            var inner = Sixgill.Ssh.ShellWords.Join(FleetLabFixture.Command(home, ["plan", "--all", "--ssh-key", key, "-c", config]));
            var typist = $"until grep -q 'Enter passphrase' {typescript} 2>/dev/null; do sleep 0.1; done; printf 'secret\\r'";
            var shell = $"({typist}) | script -qfec {Sixgill.Ssh.ShellWords.Quote(inner)} {typescript}";
            var tty = await fixture.Lab.Admin!.RunAsync(new ProcessRequest(["sh", "-c", shell]) { Timeout = TimeSpan.FromMinutes(5) }, TestContext.Current.CancellationToken);

            var seen = await File.ReadAllTextAsync(typescript, TestContext.Current.CancellationToken);
            tty.ExitCode.ShouldBe(0, seen + tty.StandardError);
            seen.ShouldContain($"Enter passphrase for key '{key}': ");
            seen.ShouldContain("3 of 3 nodes ok", Case.Sensitive, seen);
            seen.ShouldNotContain("secret", Case.Sensitive, "the passphrase is not echoed");
        }
        finally
        {
            await File.WriteAllTextAsync(authorized, authorizedBefore, TestContext.Current.CancellationToken);
        }
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task Init_all_brings_the_masters_config_back_and_the_next_run_takes_it_to_every_node_once()
    {
        var home = fixture.NewHome();
        var config = fixture.ConfigWith("init", text => text);
        var before = await File.ReadAllTextAsync(config, TestContext.Current.CancellationToken);
        before.ShouldNotContain("token_cert_hash");
        try
        {
            var init = await fixture.AdminAsync(home, "init", "--all", "-c", config);

            init.ExitCode.ShouldBe(0, init.StandardOutput + init.StandardError);
            init.StandardError.ShouldNotContain("w1: running");
            init.StandardOutput.ShouldContain($"{config} now holds the token and CA hash init wrote on gw (before: {config}.before-init)");
            var certificate = await InNodeAsync("gw", "cat", "/etc/sixgill/pki/ca.crt");
            var after = await File.ReadAllTextAsync(config, TestContext.Current.CancellationToken);
            after.ShouldContain($"token_cert_hash: \"{Sixgill.Kube.ClusterCa.CertHashOf(certificate)}\"");
            var token = after.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("token:", StringComparison.Ordinal))[6..].Trim().Trim('"');
            token.ShouldMatch("^[a-z0-9]{6}\\.[a-z0-9]{16}$");
            (init.StandardOutput + init.StandardError).ShouldNotContain(token[7..]);
            (await File.ReadAllTextAsync($"{config}.before-init", TestContext.Current.CancellationToken)).ShouldBe(before);
            (await InNodeAsync("gw", "cat", "/etc/sixgill/cluster.yaml")).ShouldBe(after, "init rewrote the master's copy in place");

            // The next --all takes it to the nodes that do not have it yet (the master has it: init wrote it there); then nothing.
            var first = await fixture.AdminAsync(home, "plan", "--all", "-c", config, "--output", "json");
            first.ExitCode.ShouldBe(0, first.StandardError);
            var sent = FleetLabFixture.NodesOf(FleetLabFixture.Json(first)).ToDictionary(n => n.Key, n => n.Value.GetProperty("sent").EnumerateArray().Select(f => f.GetString()).ToList());
            sent["w1"].ShouldContain("cluster.yaml");
            sent["w2"].ShouldContain("cluster.yaml");
            sent["gw"].ShouldNotContain("cluster.yaml");
            (await InNodeAsync("w1", "cat", "/etc/sixgill/cluster.yaml")).ShouldBe(after);

            var second = await fixture.AdminAsync(home, "plan", "--all", "-c", config, "--output", "json");
            second.ExitCode.ShouldBe(0, second.StandardError);
            foreach (var (name, node) in FleetLabFixture.NodesOf(FleetLabFixture.Json(second)))
            {
                node.GetProperty("sent").GetArrayLength().ShouldBe(0, name);
            }
        }
        finally
        {
            // init's own undo (the config and the CA files) runs with clean on the master; what is left of the CA goes by name.
            await fixture.AdminAsync(home, "clean", "--all", "-c", config);
            await InNodeAsync("gw", "rm", "-rf", "/etc/sixgill/pki");
        }
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task A_file_there_is_hashed_only_when_the_nodes_record_does_not_vouch_for_it()
    {
        var home = fixture.NewHome();
        var config = fixture.Names.NodeConfig;
        var program = "/var/lib/sixgill/bin/sixgill";
        var record = "/var/lib/sixgill/bin/delivered.sha256";
        var first = await fixture.AdminAsync(home, "plan", "--all", "-c", config);
        first.ExitCode.ShouldBe(0, first.StandardOutput + first.StandardError);
        (await InNodeAsync("gw", "cat", record)).ShouldContain($" {program} ");

        // gw and w2 get a sha256sum that notes what it hashes (in their own mount namespaces, where their sshd runs).
        var log = $"{fixture.Names.SharedDirectory}/hashed.log";
        var real = $"{fixture.Names.SharedDirectory}/sha256sum.real";
        var spy = $"{fixture.Names.SharedDirectory}/sha256sum-spy";
        File.Copy("/usr/bin/sha256sum", real, overwrite: true);
        await File.WriteAllTextAsync(spy, $"#!/bin/sh\necho \"$(hostname) $*\" >> {log}\nexec {real} \"$@\"\n", TestContext.Current.CancellationToken);
        File.SetUnixFileMode(spy, (UnixFileMode)0b111_101_101);
        File.Delete(log);
        await InNodeAsync("gw", "mount", "--bind", spy, "/usr/bin/sha256sum");
        await InNodeAsync("w2", "mount", "--bind", spy, "/usr/bin/sha256sum");
        try
        {
            // w1: the program changed in place, its size and modification time kept; w2: the record gone.
            await InNodeAsync("w1", "sh", "-c",
                $"m=$(stat -c %y {program}); printf X | dd of={program} bs=1 seek=$(($(stat -c %s {program}) - 1)) conv=notrunc status=none; touch -d \"$m\" {program}");
            await InNodeAsync("w2", "rm", record);

            var second = await fixture.AdminAsync(home, "plan", "--all", "-c", config, "--output", "json");

            second.ExitCode.ShouldBe(0, second.StandardError);
            var nodes = FleetLabFixture.NodesOf(FleetLabFixture.Json(second));
            nodes["w1"].GetProperty("sent").EnumerateArray().Select(e => e.GetString()).ShouldBe(["sixgill"]);
            nodes["w2"].GetProperty("sent").GetArrayLength().ShouldBe(0);
            nodes["gw"].GetProperty("sent").GetArrayLength().ShouldBe(0);
            var hashed = File.Exists(log) ? await File.ReadAllLinesAsync(log, TestContext.Current.CancellationToken) : [];
            hashed.ShouldNotContain(line => line.StartsWith("gw ", StringComparison.Ordinal), "gw's record vouches for every file");
            hashed.ShouldContain($"w2 -- {program}");
            (await InNodeAsync("w2", "cat", record)).ShouldContain($" {program} ", customMessage: "w2's record is written again");
        }
        finally
        {
            await InNodeAsync("gw", "umount", "/usr/bin/sha256sum");
            await InNodeAsync("w2", "umount", "/usr/bin/sha256sum");
        }
    }

    private async Task<string> JournalAsync(string node) =>
        (await fixture.Lab.Node(node).RunAsync(["sh", "-c", "cat /var/lib/sixgill/journal.json 2>/dev/null || echo absent"], TestContext.Current.CancellationToken)).EnsureSuccess().StandardOutput;

    private async Task<string> NodeFileAsync(string node, string path) =>
        (await fixture.Lab.Node(node).RunAsync(["cat", path], TestContext.Current.CancellationToken)).EnsureSuccess().StandardOutput;

    private async Task<string> InNodeAsync(string node, params string[] command) =>
        (await fixture.Lab.Node(node).RunAsync(command, TestContext.Current.CancellationToken)).EnsureSuccess().StandardOutput;

    private static async Task<string> FingerprintAsync(string publicKey)
    {
        var listed = (await new Sixgill.Host.Processes.ProcessRunner().RunAsync(["ssh-keygen", "-l", "-f", publicKey], TestContext.Current.CancellationToken)).EnsureSuccess();
        return listed.StandardOutput.Split(' ')[1];
    }
}
