using System.CommandLine;
using System.Text;
using System.Text.Json;
using Sixgill.Cli.Fleet;
using Sixgill.Kube;
using Sixgill.Steps;

namespace Sixgill.Cli.Commands;

/// <summary>
/// <c>sixgill kubeconfig</c> (master, root): the cluster's admin kubeconfig on stdout, with the names
/// <c>up</c> merges into the person's <c>~/.kube/config</c> (<c>sixgill-&lt;master&gt;</c>), for use on
/// another machine (<c>sudo sixgill kubeconfig -c lab.yaml &gt; gw.kubeconfig</c>, then
/// <c>KUBECONFIG=~/.kube/config:gw.kubeconfig kubectl config view --flatten</c>). It holds the
/// cluster's admin credentials: nothing else is printed with it. With <c>--all</c> (or <c>--node</c>) it
/// runs on the master over SSH and merges the context into this machine's <c>~/.kube/config</c>
/// (<see cref="AdminKubeconfig"/>).
/// </summary>
internal static class KubeconfigCommand
{
    public static Command Create(GlobalOptions options)
    {
        var command = new Command("kubeconfig", "print the cluster's admin kubeconfig (master, root) for use elsewhere");
        FleetGate.SetActions(command, options, result => Run(Invocation.From(result, options)));
        return command;
    }

    public static int Run(Invocation invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var cluster = ValidatedCluster.Load(invocation, requireHost: true);
        var master = cluster.Master.Name;
        if (invocation.NodeName != master)
        {
            throw new SixgillException(ExitCodes.BadInput,
                $"{invocation.NodeName} is not the master: the admin kubeconfig is on {master}", $"run it on {master} (or with --host {master} there)");
        }

        string admin;
        try
        {
            admin = File.ReadAllText(RunKubeadm.AdminConf);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new SixgillException(ExitCodes.Precondition, $"{RunKubeadm.AdminConf} does not exist: the cluster is not up on {master}",
                $"sudo sixgill up -c {invocation.ConfigPath}");
        }
        catch (UnauthorizedAccessException)
        {
            throw new SixgillException(ExitCodes.Precondition, $"{RunKubeadm.AdminConf} is readable by root only",
                $"sudo sixgill kubeconfig -c {invocation.ConfigPath}");
        }

        var name = KubeconfigMerge.EntryName(master);
        string text;
        try
        {
            text = KubeconfigMerge.Merge(null, admin, name);
        }
        catch (FormatException e)
        {
            throw new SixgillException(ExitCodes.Precondition, $"{RunKubeadm.AdminConf}: {e.Message}", "kubeadm init writes it; run sixgill down and up again");
        }

        invocation.Out.Write(invocation.Json ? Json(name, text) : text);
        return ExitCodes.Done;
    }

    private static string Json(string context, string kubeconfig)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("context", context);
            json.WriteString("kubeconfig", kubeconfig);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
