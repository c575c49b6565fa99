using Renci.SshNet;
using Sixgill.Ssh;

namespace Sixgill.Tests.Ssh;

/// <summary>The key exchange methods and ciphers offered to a node, on SSH.NET's own tables of them.</summary>
public sealed class AlgorithmOrderTests
{
    private static IOrderedDictionary<string, Func<Renci.SshNet.Security.IKeyExchange>> Offered() =>
        new ConnectionInfo("w1", "root", new NoneAuthenticationMethod("root")).KeyExchangeAlgorithms;

    [Fact]
    public void By_default_the_cheap_methods_come_first_and_every_other_stays_after_them_in_its_order()
    {
        var offered = Offered();
        var before = offered.Keys.ToList();
        before.ShouldContain("sntrup761x25519-sha512@openssh.com");

        KeyExchanges.Arrange(offered, []);

        var after = offered.Keys.ToList();
        after.Take(3).ShouldBe(["mlkem768x25519-sha256", "curve25519-sha256", "curve25519-sha256@libssh.org"]);
        after.Skip(3).ShouldBe(before.Where(name => !KeyExchanges.Preferred.Contains(name)));
        after.IndexOf("sntrup761x25519-sha512@openssh.com").ShouldBeGreaterThan(after.IndexOf("curve25519-sha256"));
    }

    [Fact]
    public void Methods_that_are_named_are_the_only_ones_offered_in_the_order_named()
    {
        var offered = Offered();

        KeyExchanges.Arrange(offered, ["sntrup761x25519-sha512@openssh.com", "ecdh-sha2-nistp256"]);

        offered.Keys.ShouldBe(["sntrup761x25519-sha512@openssh.com", "ecdh-sha2-nistp256"]);
    }

    [Fact]
    public void AES_GCM_is_the_first_cipher_offered_and_every_other_stays_after_it()
    {
        var encryptions = new ConnectionInfo("w1", "root", new NoneAuthenticationMethod("root")).Encryptions;
        var before = encryptions.Keys.ToList();
        before[0].ShouldBe("aes128-ctr");

        Ciphers.Arrange(encryptions);

        encryptions.Keys.Take(2).ShouldBe(["aes128-gcm@openssh.com", "aes256-gcm@openssh.com"]);
        encryptions.Keys.Skip(2).ShouldBe(before.Where(name => !Ciphers.Preferred.Contains(name)));
    }

    [Theory]
    [InlineData("curve25519-sha256", new[] { "curve25519-sha256" })]
    [InlineData(" sntrup761x25519-sha512@openssh.com , curve25519-sha256,", new[] { "sntrup761x25519-sha512@openssh.com", "curve25519-sha256" })]
    [InlineData("curve25519-sha256,curve25519-sha256", new[] { "curve25519-sha256" })]
    [InlineData("curve25519", null)]
    [InlineData("curve25519-sha256,nope", null)]
    [InlineData(",", null)]
    [InlineData("", null)]
    public void A_list_is_read_only_when_sshnet_computes_every_method_in_it(string typed, string[]? read)
    {
        var parsed = KeyExchanges.Parse(typed);

        if (read is null)
        {
            parsed.ShouldBeNull();
        }
        else
        {
            parsed.ShouldBe(read);
        }
    }
}
