using System.Security.Cryptography;
using System.Text;
using Sixgill.Docker;

namespace Sixgill.Tests.Docker;

public sealed class ImageRecipesTests
{
    private static readonly string ImagesDirectory = Path.Combine(RepositoryRoot(), "images");

    [Theory]
    [InlineData("dns64")]
    [InlineData("nat64")]
    public void The_binary_carries_the_recipes_of_the_repository_byte_for_byte(string service)
    {
        ImageRecipes.BuildScript().ShouldBe(File.ReadAllBytes(Path.Combine(ImagesDirectory, "build-offline.sh")));
        ImageRecipes.RecipeFiles.ShouldNotBeEmpty();
        foreach (var file in ImageRecipes.RecipeFiles)
        {
            ImageRecipes.File(service, file).ShouldBe(File.ReadAllBytes(Path.Combine(ImagesDirectory, service, file)), file);
        }
    }

    [Theory]
    [InlineData("dns64")]
    [InlineData("nat64")]
    public void The_tag_is_the_key_build_offline_sh_names_its_tarball_by(string service)
    {
        // `cat "$0" packages entrypoint.sh | sha256sum | cut -c1-16`
        var bytes = File.ReadAllBytes(Path.Combine(ImagesDirectory, "build-offline.sh"))
            .Concat(File.ReadAllBytes(Path.Combine(ImagesDirectory, service, "packages")))
            .Concat(File.ReadAllBytes(Path.Combine(ImagesDirectory, service, "entrypoint.sh")))
            .ToArray();
        var expected = Convert.ToHexStringLower(SHA256.HashData(bytes))[..16];

        var image = ImageRecipes.Image(service);

        image.Tag.ShouldBe(expected);
        image.Reference.ShouldBe($"sixgill/{service}:{expected}");
    }

    [Fact]
    public void The_two_images_have_different_tags()
    {
        ImageRecipes.Key("dns64").ShouldNotBe(ImageRecipes.Key("nat64"));
    }

    [Theory]
    [InlineData("dns64")]
    [InlineData("nat64")]
    public void Dockerfile_and_offline_build_agree_on_packages_and_entrypoint(string service)
    {
        var dockerfile = Text(service, "Dockerfile");
        dockerfile.ShouldContain("FROM debian:bookworm-slim");
        dockerfile.ShouldContain("COPY packages ");
        dockerfile.ShouldContain($"COPY entrypoint.sh {ServiceImage.Entrypoint}");
        dockerfile.ShouldContain($"ENTRYPOINT [\"{ServiceImage.Entrypoint}\"]");
        ServiceImage.ImportChanges.ShouldBe([$"ENTRYPOINT [\"{ServiceImage.Entrypoint}\"]"]);
        Encoding.UTF8.GetString(ImageRecipes.BuildScript()).ShouldContain("entrypoint_path=" + ServiceImage.Entrypoint.TrimStart('/'));
    }

    [Fact]
    public void The_images_hold_the_programs_their_entrypoints_run()
    {
        Text("dns64", "packages").Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldBe(["bind9", "bind9-dnsutils", "iproute2"]);
        Text("nat64", "packages").Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldBe(["tayga", "iproute2"]);
        Text("dns64", "entrypoint.sh").ShouldContain("exec named -g");
        Text("nat64", "entrypoint.sh").ShouldContain("exec tayga -c \"$conf\" --nodetach");
    }

    [Fact]
    public void Entrypoints_are_POSIX_shell_scripts()
    {
        ImageRecipes.Services.ShouldNotBeEmpty();
        foreach (var service in ImageRecipes.Services)
        {
            Text(service, "entrypoint.sh").ShouldStartWith("#!/bin/sh\n");
            if (!OperatingSystem.IsWindows())
            {
                File.GetUnixFileMode(Path.Combine(ImagesDirectory, service, "entrypoint.sh")).HasFlag(UnixFileMode.UserExecute).ShouldBeTrue();
            }
        }
    }

    [Fact]
    public void An_unknown_image_is_refused()
    {
        Should.Throw<ArgumentException>(() => ImageRecipes.Image("dns")).Message.ShouldContain("dns64, nat64");
    }

    private static string Text(string service, string file) => Encoding.UTF8.GetString(ImageRecipes.File(service, file));

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Sixgill.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("the tests do not run inside the repository");
    }
}
