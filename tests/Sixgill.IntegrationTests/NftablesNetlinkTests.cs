using System.Text.Json;
using Sixgill.Host.Network;
using Sixgill.Lab;
using Sixgill.Machine;
using Sixgill.Values;

namespace Sixgill.IntegrationTests;

/// <summary>
/// <see cref="NftCommand"/> against a real kernel in a lab node: the kernel answers a table that is
/// not there and a delete over nfnetlink (the socket opened in the node's namespace), <c>nft</c>
/// (the real one, in the node, recorded) lists a table that is there, and a request the kernel
/// refuses as such goes to <c>nft</c> as before. Other tables of the node are never touched.
/// </summary>
public sealed class NftablesNetlinkTests : IAsyncLifetime
{
    private const string Pool = "198.51.100.128/25";

    private static readonly string Nat44 = $$"""
        table ip sixgill {
          chain postrouting {
            type nat hook postrouting priority srcnat; policy accept;
            ip saddr {{Pool}} masquerade
          }
        }

        """;

    private VirtualLab? lab;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private LabNode Node => this.lab!.Nodes[0];

    public async ValueTask InitializeAsync()
    {
        if (LabRequirements.Missing().Count > 0 || !LabRequirements.IsOnPath("nft"))
        {
            return;
        }

        lab = await TestLabs.CreateAsync(new LabSpec(TestLabs.NextName(), [new LabNodeSpec("t1", "eth1")]));
    }

    public async ValueTask DisposeAsync()
    {
        if (this.lab is not null)
        {
            await this.lab.DisposeAsync();
        }
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task A_table_that_is_not_there_is_none_and_nft_is_not_run()
    {
        Require();
        await NftAsync("add table ip6 sixgill\nadd table ip other\n");
        var runner = new RecordingNodeRunner(Node);
        var nft = new NftCommand(runner, KernelOfNode);

        var (ip, inet) = await Task.Run(() => (nft.FindTable("ip", "sixgill"), nft.FindTable("inet", "sixgill")), Cancel);

        ip.ShouldBeNull("ip6 sixgill and ip other are other tables");
        inet.ShouldBeNull();
        runner.Commands.ShouldBeEmpty("the kernel answered 'no such table' over nfnetlink");
        await NftAsync("delete table ip6 sixgill\ndelete table ip other\n");
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task A_table_that_is_there_is_listed_by_nft_with_its_masquerades()
    {
        Require();
        await NftAsync(Nat44);
        var runner = new RecordingNodeRunner(Node);
        var nft = new NftCommand(runner, KernelOfNode);

        var table = await Task.Run(() => nft.FindTable("ip", "sixgill"), Cancel);

        table.ShouldNotBeNull().Masquerades.ShouldBe([Prefix.Parse(Pool)]);
        runner.Commands.ShouldBe(["nft -j list table ip sixgill"], "the kernel said it is there; nft reads its rules");
        await NftAsync("delete table ip sixgill\n");
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task Deleting_takes_the_table_and_only_it_and_a_second_delete_finds_none()
    {
        Require();
        await NftAsync(Nat44 + "add table ip other\nadd chain ip other c\nadd table ip6 sixgill\n");
        var runner = new RecordingNodeRunner(Node);
        var nft = new NftCommand(runner, KernelOfNode);

        var (first, second) = await Task.Run(() => (nft.DeleteTable("ip", "sixgill"), nft.DeleteTable("ip", "sixgill")), Cancel);

        first.ShouldBeTrue();
        second.ShouldBeFalse("the kernel's 'no such table'");
        runner.Commands.ShouldBeEmpty("both deletes went over nfnetlink");
        (await TablesAsync()).ShouldBe(["ip other", "ip6 sixgill"]);
        (await ShAsync("nft list chain ip other c")).ShouldContain("chain c");
        await NftAsync("delete table ip other\ndelete table ip6 sixgill\n");
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task A_delete_the_kernel_refuses_is_said_in_nfts_words_with_the_errno()
    {
        Require();
        var name = new string('x', 300); // longer than the kernel takes (NFT_TABLE_MAXNAMELEN); nft itself would not send it
        var runner = new RecordingNodeRunner(Node);
        var nft = new NftCommand(runner, KernelOfNode);

        var refusal = await Should.ThrowAsync<NetworkChangeException>(Task.Run(() => nft.DeleteTable("ip", name), Cancel));

        refusal.Errno.ShouldBe(34); // ERANGE
        refusal.Message.ShouldBe($"'nft delete table ip {name}': Error: Could not process rule: Numerical result out of range (errno 34; the kernel: Attribute failed policy validation)");
        runner.Commands.ShouldBeEmpty();
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task A_find_the_kernel_refuses_as_such_is_asked_of_nft_as_before()
    {
        Require();
        var name = new string('x', 300);
        var runner = new RecordingNodeRunner(Node);
        var nft = new NftCommand(runner, KernelOfNode);

        var failure = await Should.ThrowAsync<ProcessFailedException>(Task.Run(() => nft.FindTable("ip", name), Cancel));

        runner.Commands.ShouldBe([$"nft -j list table ip {name}"]);
        failure.Message.ShouldContain("Error: name too long, 256 characters maximum allowed", Case.Sensitive, "nft's own words, as before");
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task Without_CAP_NET_ADMIN_the_kernel_refuses_the_batch_and_nft_is_run_as_before()
    {
        Require();
        await NftAsync(Nat44);
        var runner = new RecordingNodeRunner(Node);
        var kernel = KernelOfNode(); // opened with every capability, as by root; the thread that asks has none
        var nft = new NftCommand(runner, () => kernel);
        Exception? failure = null;
        var deleted = false;
        var thread = new Thread(() =>
        {
            // Capabilities are per thread: this one gives up CAP_NET_ADMIN, then deletes.
            try
            {
                Capabilities.DropAllOnThisThread();
                deleted = nft.DeleteTable("ip", "sixgill");
            }
            catch (Exception e)
            {
                failure = e;
            }
        });
        thread.Start();
        thread.Join();

        runner.Commands.ShouldBe(["nft delete table ip sixgill"], "EPERM for the batch as a whole: nft is asked, and its words are the answer");
        TestContext.Current.TestOutputHelper?.WriteLine($"deleted {deleted}, failure {failure?.Message}");
        failure.ShouldBeNull();
        deleted.ShouldBeTrue();
        (await TablesAsync()).ShouldBeEmpty();
    }

    /// <summary>The nfnetlink socket as Sixgill opens it in the node: from a thread inside the node's namespace.</summary>
    private NftablesNetlink? KernelOfNode() => NetworkNamespaceThread.Run(LabNames.NetnsPath(Node.Namespace), NftablesNetlink.TryOpen);

    private void Require()
    {
        LabRequirements.Require();
        Guard.Require(LabRequirements.IsOnPath("nft"), "the nfnetlink tests", "program 'nft' (Debian package nftables)");
    }

    private async Task NftAsync(string script) =>
        (await Node.RunAsync(new ProcessRequest(["nft", "-f", "-"]) { StandardInput = script }, Cancel)).EnsureSuccess();

    private async Task<string> ShAsync(string command) => (await Node.RunAsync(["sh", "-c", command], Cancel)).EnsureSuccess().StandardOutput;

    /// <summary>The node's tables as <c>nft -j list tables</c> shows them ("family name").</summary>
    private async Task<List<string>> TablesAsync()
    {
        using var json = JsonDocument.Parse(await ShAsync("nft -j list tables"));
        return [.. json.RootElement.GetProperty("nftables").EnumerateArray()
            .Where(e => e.TryGetProperty("table", out _))
            .Select(e => $"{e.GetProperty("table").GetProperty("family").GetString()} {e.GetProperty("table").GetProperty("name").GetString()}")
            .Order(StringComparer.Ordinal)];
    }
}
