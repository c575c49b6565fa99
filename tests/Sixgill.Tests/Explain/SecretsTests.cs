using Sixgill.Values;

namespace Sixgill.Tests.Explain;

public sealed class SecretsTests
{
    [Fact]
    public void Keeps_the_token_id_and_hides_the_secret() =>
        Secrets.Mask("abcdef.0123456789abcdef").ShouldBe("abcdef.****************");

    [Theory]
    [InlineData("0123456789abcdef")]
    [InlineData("ABCDEF.0123456789abcdef")]
    [InlineData("abcdefg.0123456789abcdef")]
    [InlineData("abcdef.")]
    [InlineData("")]
    public void Masks_anything_else_whole(string secret) =>
        Secrets.Mask(secret).ShouldBe("****************");

    [Fact]
    public void Gives_away_nothing_about_the_secret_length() =>
        Secrets.Mask("abcdef.0123").ShouldBe(Secrets.Mask("abcdef.0123456789abcdef"));
}
