using Sixgill.Host.Processes;
using Sixgill.Machine;
using Sixgill.Tests.Engine.Fakes;
using Sixgill.Values;

namespace Sixgill.Tests.Host;

public sealed class KubeadmRunnerTests
{
    private const string Token = "k7q2zp.x0e4vbn8m1r5t9wy";

    [Fact]
    public void Output_goes_to_the_progress_stream_line_by_line_with_tokens_masked_even_across_chunks()
    {
        var progress = new StringWriter();
        var runner = new FakeProcessRunner().Then(["[init] Using Kubernetes version v1.31.0\nkubeadm join [fd00:20::2]:6443 --token k7q2zp.x0e4", "vbn8m1r5t9wy \\\n", "\t--discovery-token-ca-cert-hash sha256:0123"], ["W0101 warning\n"]);

        new KubeadmRunner(runner, TimeSpan.FromMinutes(1), progress.WriteLine).Run(["init", "--config", "/etc/sixgill/kubeadm.yaml"]);

        var text = progress.ToString();
        text.ShouldNotContain("x0e4vbn8m1r5t9wy");
        text.ShouldContain("kubeadm join [fd00:20::2]:6443 --token k7q2zp.**************** \\");
        text.ShouldContain("\t--discovery-token-ca-cert-hash sha256:0123");
        text.ShouldContain("W0101 warning");
        runner.Requests.ShouldHaveSingleItem().Command.ShouldBe(["kubeadm", "init", "--config", "/etc/sixgill/kubeadm.yaml"]);
        runner.Requests[0].Timeout.ShouldBe(TimeSpan.FromMinutes(1));
    }

    [Fact]
    public void A_non_zero_exit_throws_naming_the_command_and_its_last_line_masked()
    {
        var runner = new FakeProcessRunner().Then("", 1, $"error execution phase preflight: token {Token} is invalid\n");

        var error = Should.Throw<InvalidOperationException>(() => new KubeadmRunner(runner, TimeSpan.FromMinutes(1), null).Run(["join", "--config", "/x"]));

        error.Message.ShouldBe("'kubeadm join --config /x' exited with 1: error execution phase preflight: token k7q2zp.**************** is invalid");
    }

    [Fact]
    public void An_overrun_is_a_timeout_that_names_the_option()
    {
        var runner = new FakeProcessRunner().ThenThrow(request => new ProcessTimeoutException(request.Command, request.Timeout, $"stderr with {Token}"));

        var error = Should.Throw<TimeoutException>(() => new KubeadmRunner(runner, TimeSpan.FromSeconds(2), null).Run(["init"]));

        error.Message.ShouldBe("'kubeadm init' did not finish within 2 s and was killed (a longer --timeout gives it more time)");
        error.Message.ShouldNotContain(Token);
    }

    [Fact]
    public void Version_is_null_when_kubeadm_is_not_installed()
    {
        new KubeadmRunner(new FakeProcessRunner().Missing("kubeadm"), TimeSpan.FromMinutes(1), null).Version().ShouldBeNull();
        new KubeadmRunner(new FakeProcessRunner().Then("v1.31.2\n"), TimeSpan.FromMinutes(1), null).Version().ShouldBe("v1.31.2");
    }

    [Fact]
    public void Tokens_are_masked_in_text_but_hashes_and_names_are_not()
    {
        Secrets.MaskTokensIn($"--token {Token} sha256:{new string('a', 64)} node.example.test").ShouldBe($"--token k7q2zp.**************** sha256:{new string('a', 64)} node.example.test");
    }

    [Fact(Timeout = TestTimeouts.Process)]
    public async Task The_real_runner_passes_output_on_as_it_comes()
    {
        var chunks = new List<string>();
        var request = new ProcessRequest(["printf", "one\\ntwo\\n"]) { OnStandardOutput = chunk => { lock (chunks) { chunks.Add(chunk); } } };

        var result = await new ProcessRunner().RunAsync(request, TestContext.Current.CancellationToken);

        result.StandardOutput.ShouldBe("one\ntwo\n");
        string.Concat(chunks).ShouldBe("one\ntwo\n");
    }
}
