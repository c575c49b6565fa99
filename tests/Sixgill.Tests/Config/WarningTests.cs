using Sixgill.Config;
using static Sixgill.Config.DiagnosticCodes;

namespace Sixgill.Tests.Config;

public sealed class WarningTests
{
    private static readonly TestConfig Base = TestConfig.Ipv6;
    private const string Token = "token: \"abcdef.0123456789abcdef\"";

    [Fact]
    public void Placeholder_token_is_warned_at_the_token()
    {
        var result = Base.Replace(Token, "token: \"<provide>\"").Load();

        result.ShouldPassWith(PlaceholderToken);
        result.Diagnostics[0].Position.ShouldBe(new SourcePosition(4, 10));
    }

    [Fact]
    public void Insecure_with_a_real_token_is_warned_once()
    {
        var result = Base.InsertAfter(Token, "insecure: true").Load();

        result.ShouldPassWith(Insecure);
        result.Diagnostics[0].Position.ShouldBe(new SourcePosition(5, 13));
    }

    [Fact]
    public void Insecure_without_a_token_is_also_warned_about_the_lab_token()
    {
        var result = Base.Replace(Token, "insecure: true").Load();

        result.ShouldPassWith(Insecure, LabToken);
        result.Cluster!.EffectiveToken.ShouldBe(Cluster.LabToken);
        result.Diagnostics[1].Message.ShouldNotContain(Cluster.LabToken);
    }

    [Fact]
    public void Insecure_false_is_not_warned() =>
        Base.InsertAfter(Token, "insecure: false").Load().ShouldPass();

    [Fact]
    public void Warnings_alone_leave_the_cluster_built()
    {
        var result = Base.Replace(Token, "insecure: true").Replace("id: 3", "id: 1").Load();

        result.HasErrors.ShouldBeFalse();
        result.Cluster.ShouldNotBeNull();
        result.Warnings.Select(w => w.Code).ShouldBe([Insecure, LabToken, IdOne]);
    }
}
