using System.Text.Json;
using Sixgill.Host.Processes;
using Sixgill.Machine;

namespace Sixgill.IntegrationTests;

/// <summary>
/// The lab as a product: every mode's demo checks its own way out and says only what it proved;
/// lab list, status of every lab, logs, and 'lab exec NODE -- sixgill' running this same binary.
/// </summary>
public sealed class ProductLabTests
{
    [Theory]
    [InlineData("dual-stack.yaml")]
    [InlineData("ipv4.yaml")]
    public async Task A_demo_without_DNS64_reaches_the_web_server_over_the_nodes_own_IPv4_and_says_just_that(string example)
    {
        LabRequirements.Require();
        var lab = await LabCli.NewAsync();
        try
        {
            var demo = await lab.RunAsync("demo", "-c", Path.Combine(AppContext.BaseDirectory, "examples", example));

            demo.ExitCode.ShouldBe(0, demo.StandardOutput + demo.StandardError);
            demo.StandardOutput.ShouldContain("http-by-name-ipv4");
            var closing = demo.StandardOutput.TrimEnd().Split('\n')[^1];
            closing.ShouldEndWith("the nodes reached the web server by name over IPv4");
            closing.ShouldNotContain("NAT64");
        }
        finally
        {
            await lab.DownQuietlyAsync();
        }
    }

    [Fact]
    public async Task List_status_logs_and_exec_of_this_same_sixgill()
    {
        LabRequirements.Require();
        var lab = await LabCli.NewAsync();
        try
        {
            (await lab.RunAsync("up")).ExitCode.ShouldBe(0);

            // 'lab list' lists every lab: it takes no --name.
            var list = await new ProcessRunner().RunAsync([SixgillInNode.Executable, "lab", "list", "-o", "json"], TestContext.Current.CancellationToken);
            list.ExitCode.ShouldBe(0, list.StandardError);
            using (var json = JsonDocument.Parse(list.StandardOutput))
            {
                var entry = json.RootElement.GetProperty("labs").EnumerateArray().Single(l => l.GetProperty("name").GetString() == lab.Name);
                entry.GetProperty("state").GetString().ShouldBe("up");
                entry.GetProperty("nodes").EnumerateArray().Select(n => n.GetString()).ShouldBe(["gw", "w1", "w2"]);
            }

            var all = await new ProcessRunner().RunAsync(new ProcessRequest([SixgillInNode.Executable, "lab", "status", "-o", "json"]), TestContext.Current.CancellationToken);
            all.ExitCode.ShouldBe(0, all.StandardError);
            using (var json = JsonDocument.Parse(all.StandardOutput))
            {
                var status = json.RootElement.GetProperty("labs").EnumerateArray().Single(l => l.GetProperty("lab").GetString() == lab.Name);
                status.GetProperty("namespaces").EnumerateArray().First(n => n.GetProperty("name").GetString() == "internet")
                    .GetProperty("processes").EnumerateArray().Select(p => p.GetProperty("program").GetString()).ShouldContain("dnsmasq");
            }

            var logs = await lab.RunAsync("logs", "internet", "dns");
            logs.ExitCode.ShouldBe(0, logs.StandardError);
            logs.StandardOutput.ShouldContain("dnsmasq");

            // PATH without sixgill: 'sixgill' in the node is this binary all the same.
            var version = await lab.RunAsync(new Dictionary<string, string?> { ["PATH"] = "/usr/sbin:/usr/bin:/sbin:/bin" }, "exec", "w1", "--", "sixgill", "version");
            version.ExitCode.ShouldBe(0, version.StandardError);
            version.StandardOutput.ShouldStartWith("sixgill ");
        }
        finally
        {
            await lab.DownQuietlyAsync();
        }
    }
}
