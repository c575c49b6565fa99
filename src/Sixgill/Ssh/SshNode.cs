using System.Globalization;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using Renci.SshNet;
using Renci.SshNet.Common;
using Sixgill.Config;

namespace Sixgill.Ssh;

/// <summary>
/// One node reached over SSH (SSH.NET): connected with its host key checked against known_hosts,
/// logged in with the user's keys; commands run as root (through <c>sudo -n</c> for another user);
/// files put there over SFTP. Every failure is an <see cref="SshNodeException"/> naming the node.
/// </summary>
internal sealed class SshNode : IAsyncDisposable
{
    private const string ProbeMark = "sixgill-probe";
    private readonly SshClient client;
    private readonly ConnectionInfo info;
    private readonly HostKey hostKey;
    private readonly IReadOnlyList<string> asRoot;

    private SshNode(string name, SshTarget target, SshClient client, ConnectionInfo info, HostKey hostKey)
    {
        Name = name;
        Target = target;
        this.client = client;
        this.info = info;
        this.hostKey = hostKey;
        asRoot = target.User == "root" ? [] : ["sudo", "-n"];
    }

    public string Name { get; }

    public SshTarget Target { get; }

    /// <summary>The key exchange method the node's server and this machine agreed on (for example <c>curve25519-sha256</c>).</summary>
    public string KeyExchange => this.info.CurrentKeyExchangeAlgorithm ?? "";

    /// <summary>The cipher agreed on for what this machine sends (for example <c>aes128-gcm@openssh.com</c>).</summary>
    public string Cipher => this.info.CurrentClientEncryption ?? "";

    /// <summary>Its <c>uname -sm</c> (for example <c>Linux x86_64</c>), after <see cref="CheckAsync"/>.</summary>
    public string Platform { get; private set; } = "";

    public static async Task<SshNode> ConnectAsync(string name, SshTarget target, SshSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(settings);
        var info = ConnectionInfoFor(target, settings);
        var checker = new HostKeyCheck(name, target, settings);
        var client = new SshClient(info) { KeepAliveInterval = settings.KeepAlive > TimeSpan.Zero ? settings.KeepAlive : Timeout.InfiniteTimeSpan };
        client.HostKeyReceived += checker.OnHostKey;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(settings.ConnectTimeout + settings.ConnectTimeout);
        try
        {
            await client.ConnectAsync(deadline.Token);
            return new SshNode(name, target, client, info, checker.Accepted!);
        }
        catch (Exception e) when (checker.Refusal is not null)
        {
            client.Dispose();
            throw new SshNodeException(name, SshFailure.HostKey, checker.Refusal, checker.Fix, e);
        }
        catch (SshAuthenticationException e)
        {
            client.Dispose();
            throw new SshNodeException(name, SshFailure.Login,
                $"node {name}: {target} refused the login ({e.Message}); keys offered: {string.Join(", ", settings.Keys.Select(k => k.Path))}",
                $"check the user in topology.{name}.ssh, and that one of these keys' .pub is in that user's ~/.ssh/authorized_keys on {target.Host} (or give --ssh-key FILE)", e);
        }
        catch (SshConnectionException e) when (e.DisconnectReason == Renci.SshNet.Messages.Transport.DisconnectReason.KeyExchangeFailed && !cancellationToken.IsCancellationRequested)
        {
            client.Dispose();
            throw new SshNodeException(name, SshFailure.Login,
                $"node {name}: {target} and this machine have no key exchange method in common ({e.Message.TrimEnd('.')}); offered: {string.Join(", ", info.KeyExchangeAlgorithms.Keys)}",
                settings.KeyExchange.Count > 0
                    ? $"give --ssh-kex methods that sshd on {target.Host} allows ('sshd -T | grep kexalgorithms' there), or leave --ssh-kex out"
                    : $"allow one of these in KexAlgorithms of sshd on {target.Host}", e);
        }
        catch (Exception e) when (e is SocketException or SshOperationTimeoutException or SshConnectionException or OperationCanceledException or ProxyException or TimeoutException or IOException)
        {
            client.Dispose();
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            var why = e is OperationCanceledException or SshOperationTimeoutException
                ? $"no answer within {Seconds(settings.ConnectTimeout)}"
                : e.Message;
            throw new SshNodeException(name, SshFailure.Unreachable, $"node {name}: cannot reach {target}: {why}",
                $"check that {target.Host} resolves and that its sshd listens on port {target.Port} (topology.{name}.ssh), or raise --connect-timeout", e);
        }
    }

    /// <summary>
    /// Whether commands can run as root there (sudo -n for another user), its OS and architecture
    /// match this program's, and the SHA-256 of each file already there (by remote path), from the
    /// node's record where it vouches for the file (<see cref="DeliveryRecord"/>).
    /// </summary>
    public async Task<FilesThere> CheckAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var script = $"echo {ProbeMark}; uname -sm; {DeliveryRecord.Check(delivery.Files.Select(f => f.RemotePath), Delivery.Record)}; exit 0";
        var result = await ExecAsync(ShellWords.Join([.. this.asRoot, "sh", "-c", script]), null, cancellationToken);
        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length < 2 || lines[0] != ProbeMark)
        {
            var said = result.StandardError.Trim();
            if (this.asRoot.Count > 0)
            {
                throw new SshNodeException(Name, SshFailure.Sudo,
                    $"node {Name}: user {Target.User} cannot run commands as root without a password (sudo -n: {(said.Length > 0 ? said : $"exit {result.ExitCode}")}); the node was not changed",
                    $"give {Target.User} passwordless sudo on {Target.Host} (e.g. '{Target.User} ALL=(ALL) NOPASSWD: ALL' in /etc/sudoers.d/{Target.User}), or use root@ in topology.{Name}.ssh");
            }

            throw new SshNodeException(Name, SshFailure.Transfer, $"node {Name}: a shell command failed there (exit {result.ExitCode}): {said}");
        }

        Platform = lines[1];
        var (os, machine) = Local();
        if (Platform != $"{os} {machine}")
        {
            throw new SshNodeException(Name, SshFailure.Platform,
                $"node {Name} runs {Platform}, and this sixgill is built for {os} {machine}; the node was not changed",
                $"run --all from a machine of the nodes' kind, or use a sixgill built for {Platform.Split(' ')[^1]} there");
        }

        var (hashes, unrecorded) = DeliveryRecord.Read(lines.Skip(2));
        return new FilesThere(hashes, unrecorded);
    }

    /// <summary>Records every delivered file there (its SHA-256 and identity), so the next check need not hash them.</summary>
    public async Task RecordAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        await ExecAsync(ShellWords.Join([.. this.asRoot, "sh", "-c", DeliveryRecord.Write(delivery.Files, [], Delivery.Record)]), null, cancellationToken);
    }

    /// <summary>
    /// Puts <paramref name="files"/> (of <paramref name="delivery"/>) at their places (made root's, with
    /// their modes) through a private staging directory, checks each there by its SHA-256, and records
    /// the whole delivery (<see cref="DeliveryRecord"/>).
    /// </summary>
    public async Task SendAsync(Delivery delivery, IReadOnlyList<DeliveredFile> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(files);
        if (files.Count == 0)
        {
            return;
        }

        string? staging = (await ExecAsync("mktemp -d /tmp/sixgill-upload.XXXXXXXX", null, cancellationToken)).StandardOutput.Trim();
        if (!staging.StartsWith("/tmp/sixgill-upload.", StringComparison.Ordinal))
        {
            throw new SshNodeException(Name, SshFailure.Transfer, $"node {Name}: cannot make a staging directory in /tmp");
        }

        try
        {
            using (var sftp = new SftpClient(this.info))
            {
                sftp.HostKeyReceived += (_, e) => e.CanTrust = new HostKey(e.HostKey).Equals(this.hostKey);
                await sftp.ConnectAsync(cancellationToken);
                foreach (var file in files)
                {
                    await using var stream = File.OpenRead(file.LocalPath);
                    await sftp.UploadFileAsync(stream, $"{staging}/{file.Name}", cancellationToken);
                }
            }

            var installs = files.Select(f =>
                $"install -D -o root -g root -m {Convert.ToString((int)f.Mode, 8)} {ShellWords.Quote($"{staging}/{f.Name}")} {ShellWords.Quote(f.RemotePath)}");
            // One command installs, checks, records and removes the staging directory: every command costs the user's shell start-up there.
            var script = $"{string.Join(" && ", installs)} && {{ {DeliveryRecord.Write(delivery.Files, files, Delivery.Record)}; }}; status=$?; rm -rf {ShellWords.Quote(staging)}; exit $status";
            var result = await ExecAsync(ShellWords.Join([.. this.asRoot, "sh", "-c", script]), null, cancellationToken);
            staging = null;
            if (!result.Succeeded)
            {
                throw new SshNodeException(Name, SshFailure.Transfer, $"node {Name}: cannot install the files sent: {result.StandardError.Trim()}");
            }
        }
        catch (Exception e) when (e is SshException or IOException)
        {
            throw new SshNodeException(Name, SshFailure.Transfer, $"node {Name}: sending files failed: {e.Message}", null, e);
        }
        finally
        {
            if (staging is not null)
            {
                await ExecAsync(ShellWords.Join([.. this.asRoot, "rm", "-rf", staging]), null, CancellationToken.None);
            }
        }
    }

    /// <summary>
    /// Runs <c>sixgill arguments…</c> there as root and returns how it ended. <paramref name="interrupt"/>
    /// sends it SIGINT (as Ctrl-C would on the node) and still waits for it to end, so it can roll back.
    /// </summary>
    public async Task<RemoteResult> RunSixgillAsync(IReadOnlyList<string> arguments, Action<string>? onErrorLine, CancellationToken interrupt)
    {
        var command = $"echo $$; exec {ShellWords.Join([.. this.asRoot, Delivery.Binary, .. arguments])}";
        string? pid = null;
        using var registration = interrupt.Register(() => _ = InterruptAsync(() => pid));
        var result = await ExecAsync(command, onErrorLine, CancellationToken.None, first => pid = first);
        var output = result.StandardOutput;
        var newline = output.IndexOf('\n', StringComparison.Ordinal);
        return result with { StandardOutput = newline < 0 ? "" : output[(newline + 1)..] };
    }

    /// <summary>The contents of a file there (read as root).</summary>
    public async Task<string> ReadAsync(string remotePath, CancellationToken cancellationToken)
    {
        var result = await ExecAsync(ShellWords.Join([.. this.asRoot, "cat", "--", remotePath]), null, cancellationToken);
        return result.Succeeded ? result.StandardOutput : throw new SshNodeException(Name, SshFailure.Transfer, $"node {Name}: cannot read {remotePath}: {result.StandardError.Trim()}");
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            this.client.Disconnect();
        }
        catch (Exception e) when (e is SshException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
            // Gone already.
        }

        this.client.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task InterruptAsync(Func<string?> pid)
    {
        if (pid() is { } shell && int.TryParse(shell, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            try
            {
                await ExecAsync(ShellWords.Join([.. this.asRoot, "kill", "-INT", shell]), null, CancellationToken.None);
            }
            catch (Exception e) when (e is SshException or SocketException or ObjectDisposedException or InvalidOperationException)
            {
                // The connection is gone: so is the command's session.
            }
        }
    }

    private async Task<RemoteResult> ExecAsync(string commandText, Action<string>? onErrorLine, CancellationToken cancellationToken, Action<string>? onFirstOutputLine = null)
    {
        using var command = this.client.CreateCommand(commandText);
        command.CommandTimeout = Timeout.InfiniteTimeSpan;
        var running = command.ExecuteAsync(cancellationToken);
        var output = ReadLinesAsync(command.OutputStream, onFirstOutputLine, firstOnly: true);
        var error = ReadLinesAsync(command.ExtendedOutputStream, onErrorLine, firstOnly: false);
        await running;
        var texts = await Task.WhenAll(output, error);
        var exit = command.ExitStatus ?? (command.ExitSignal is { } signal ? 128 + SignalNumber(signal) : -1);
        return new RemoteResult(exit, texts[0], texts[1]);
    }

    private static async Task<string> ReadLinesAsync(Stream stream, Action<string>? onLine, bool firstOnly)
    {
        var text = new StringBuilder();
        using var reader = new StreamReader(stream, Encoding.UTF8, leaveOpen: true);
        var first = true;
        while (await reader.ReadLineAsync() is { } line)
        {
            text.Append(line).Append('\n');
            if (onLine is not null && (first || !firstOnly))
            {
                onLine(line);
            }

            first = false;
        }

        return text.ToString();
    }

    private static int SignalNumber(string signal) => signal switch
    {
        "HUP" => 1,
        "INT" => 2,
        "KILL" => 9,
        "PIPE" => 13,
        "TERM" => 15,
        _ => 0,
    };

    private static ConnectionInfo ConnectionInfoFor(SshTarget target, SshSettings settings)
    {
        var keys = settings.Keys.Select(k => (IPrivateKeySource)k.File).ToArray();
        var info = new ConnectionInfo(target.Host, target.Port, target.User, new PrivateKeyAuthenticationMethod(target.User, keys))
        {
            Timeout = settings.ConnectTimeout,
        };
        KeyExchanges.Arrange(info.KeyExchangeAlgorithms, settings.KeyExchange);
        Ciphers.Arrange(info.Encryptions);

        // As ssh does: when known_hosts knows keys of this host, ask for those types first (here: only),
        // so a host with several keys shows the one the file can check.
        var known = settings.KnownHosts.Read().KeyTypes(target.Host, target.Port);
        if (known.Count > 0)
        {
            var wanted = info.HostKeyAlgorithms.Keys.Where(algorithm => known.Any(type => Serves(algorithm, type))).ToList();
            if (wanted.Count > 0)
            {
                foreach (var other in info.HostKeyAlgorithms.Keys.Except(wanted).ToList())
                {
                    info.HostKeyAlgorithms.Remove(other);
                }
            }
        }

        return info;
    }

    /// <summary>Whether host key algorithm <paramref name="algorithm"/> uses keys of <paramref name="type"/> (RSA keys serve rsa-sha2-*).</summary>
    private static bool Serves(string algorithm, string type) =>
        algorithm == type || (type == "ssh-rsa" && algorithm.StartsWith("rsa-sha2-", StringComparison.Ordinal));

    private static (string Os, string Machine) Local() => ("Linux", RuntimeInformation.OSArchitecture switch
    {
        Architecture.X64 => "x86_64",
        Architecture.Arm64 => "aarch64",
        Architecture.Arm => "armv7l",
        _ => RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant(),
    });

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s";

    /// <summary>Checks the host key the server offers against known_hosts, recording it when new keys may be accepted.</summary>
    private sealed class HostKeyCheck(string name, SshTarget target, SshSettings settings)
    {
        public HostKey? Accepted { get; private set; }

        public string? Refusal { get; private set; }

        public string? Fix { get; private set; }

        public void OnHostKey(object? sender, HostKeyEventArgs e)
        {
            var key = new HostKey(e.HostKey);
            var file = settings.KnownHosts;
            var verdict = file.Read().Check(target.Host, target.Port, key);
            switch (verdict.Status)
            {
                case HostKeyStatus.Known:
                    break;
                case HostKeyStatus.Unknown when settings.AcceptNewHostKeys:
                    file.Add(target.Host, target.Port, key);
                    break;
                case HostKeyStatus.Unknown:
                    Refusal = HostKeyMessages.Unknown(name, target.Host, target.Port, key, file.Path);
                    Fix = HostKeyMessages.UnknownFix(target.Host, target.Port);
                    break;
                case HostKeyStatus.Changed:
                    Refusal = HostKeyMessages.Changed(name, target.Host, target.Port, key, verdict, file.Path);
                    Fix = HostKeyMessages.ChangedFix(target.Host, target.Port, file.Path);
                    break;
                default:
                    Refusal = HostKeyMessages.Revoked(name, key, verdict, file.Path);
                    Fix = "this key must not be trusted: find out why the node offers it";
                    break;
            }

            e.CanTrust = Refusal is null;
            Accepted = Refusal is null ? key : null;
        }
    }
}
