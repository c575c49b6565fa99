using Sixgill.Kube;

namespace Sixgill.Tests.Kube;

public sealed class BootstrapTokenTests
{
    [Fact]
    public void A_generated_token_has_kubeadms_format()
    {
        for (var i = 0; i < 200; i++)
        {
            var token = BootstrapToken.Generate();

            token.Value.ShouldMatch("^[a-z0-9]{6}\\.[a-z0-9]{16}$");
            BootstrapToken.IsWellFormed(token.Value).ShouldBeTrue();
        }
    }

    [Fact]
    public void Generated_tokens_differ()
    {
        var tokens = Enumerable.Range(0, 100).Select(_ => BootstrapToken.Generate().Value).ToHashSet();

        tokens.Count.ShouldBe(100);
    }

    [Fact]
    public void Every_character_of_the_alphabet_is_about_equally_likely()
    {
        // 36 symbols; 2000 tokens × 22 characters = 44 000 draws, about 1222 per symbol. A biased
        // generator (e.g. byte % 36 favours the first 4 symbols by 1/7) would fall outside ±20 %.
        var counts = new Dictionary<char, int>();
        for (var i = 0; i < 2000; i++)
        {
            foreach (var c in BootstrapToken.Generate().Value.Replace(".", "", StringComparison.Ordinal))
            {
                counts[c] = counts.GetValueOrDefault(c) + 1;
            }
        }

        counts.Count.ShouldBe(36);
        var expected = 44_000 / 36.0;
        counts.Values.ShouldAllBe(n => n > expected * 0.8 && n < expected * 1.2);
    }

    [Theory]
    [InlineData("abcdef.0123456789abcdef", true)]
    [InlineData("ABCDEF.0123456789abcdef", false)]
    [InlineData("abcdef0123456789abcdef", false)]
    [InlineData("abcde.0123456789abcdefg", false)]
    [InlineData("abcdef.0123456789abcde", false)]
    [InlineData("abcdef.0123456789abcdef ", false)]
    [InlineData("abc-ef.0123456789abcdef", false)]
    [InlineData("<provide>", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_kubeadms_format_is_well_formed(string? text, bool wellFormed)
    {
        BootstrapToken.IsWellFormed(text).ShouldBe(wellFormed);
        BootstrapToken.TryParse(text, out var token).ShouldBe(wellFormed);
        (token is not null).ShouldBe(wellFormed);
    }

    [Fact]
    public void The_secret_never_shows_in_ToString()
    {
        BootstrapToken.TryParse("abcdef.0123456789abcdef", out var token).ShouldBeTrue();

        token!.ToString().ShouldBe("abcdef.****************");
        $"{token}".ShouldNotContain("0123456789abcdef");
        token.Value.ShouldBe("abcdef.0123456789abcdef");
        token.Id.ShouldBe("abcdef");
    }
}
