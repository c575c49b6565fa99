using System.Net.Sockets;
using Docker.DotNet;
using Docker.DotNet.Models;
using Sixgill.Docker;
using Sixgill.Machine;
using Sixgill.Values;
using ContainerSpec = Sixgill.Docker.ContainerSpec;

namespace Sixgill.Host.Docker;

/// <summary>
/// <see cref="IDockerEngine"/> over Docker.DotNet.Enhanced, which serializes with its own
/// source-generated JSON contexts (no reflection, so NativeAOT-safe). Requests carry no API
/// version: the engine answers in its own (Debian 12's docker.io speaks 1.41), and only fields
/// every engine since 1.41 knows are used.
/// </summary>
internal sealed class DockerEngine : IDockerEngine
{
    /// <summary>A ping that takes longer than this is an engine that is not there.</summary>
    private static readonly TimeSpan PingTimeout = TimeSpan.FromSeconds(10);

    private readonly DockerClient client;

    public DockerEngine(Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        Endpoint = endpoint;
        this.client = new DockerClientBuilder().WithEndpoint(endpoint).WithTimeout(TimeSpan.FromMinutes(5)).Build();
    }

    public Uri Endpoint { get; }

    /// <summary>The engine named by <c>DOCKER_HOST</c>, or the one at /var/run/docker.sock.</summary>
    public static DockerEngine FromEnvironment() =>
        new(DockerEndpoint.Resolve(Environment.GetEnvironmentVariable(DockerEndpoint.EnvironmentVariable)));

    public Task<DockerEngineVersion> PingAsync(CancellationToken cancellationToken = default) =>
        CallAsync("ping", async token =>
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(token);
            deadline.CancelAfter(PingTimeout);
            try
            {
                await this.client.System.PingAsync(deadline.Token);
                var version = await this.client.System.GetVersionAsync(deadline.Token);
                return new DockerEngineVersion(version.Version ?? "", version.APIVersion ?? "");
            }
            catch (OperationCanceledException e) when (!token.IsCancellationRequested)
            {
                throw new TimeoutException($"no answer within {PingTimeout.TotalSeconds:0} s", e);
            }
        }, cancellationToken);

    public Task<string?> FindImageAsync(string reference, CancellationToken cancellationToken = default) =>
        CallAsync($"inspect image {reference}", async token =>
        {
            try
            {
                return (await this.client.Images.InspectImageAsync(reference, token)).ID;
            }
            catch (DockerImageNotFoundException)
            {
                return null;
            }
        }, cancellationToken);

    public Task<string> ImportImageAsync(string rootfsTarball, ServiceImage image, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        return CallAsync($"import {rootfsTarball} as {image}", async token =>
        {
            var errors = new List<string>();
            var progress = new Progress(message =>
            {
                if (message.Error?.Message is { Length: > 0 } error)
                {
                    lock (errors)
                    {
                        errors.Add(error);
                    }
                }
            });
            await using (var tarball = File.OpenRead(rootfsTarball))
            {
                var parameters = new ImagesCreateParameters
                {
                    FromSrc = "-",
                    Repo = image.Repository,
                    Tag = image.Tag,
                    Changes = [.. ServiceImage.ImportChanges],
                };
                await this.client.Images.CreateImageAsync(parameters, tarball, new AuthConfig(), progress, token);
            }

            lock (errors)
            {
                if (errors.Count > 0)
                {
                    throw new DockerEngineException($"the engine refused to import {rootfsTarball} as {image}: {string.Join("; ", errors)}");
                }
            }

            return await FindImageAsync(image.Reference, token)
                ?? throw new DockerEngineException($"the engine imported {rootfsTarball} but has no image {image} afterwards");
        }, cancellationToken);
    }

    public Task<ObservedNetwork?> InspectNetworkAsync(string name, CancellationToken cancellationToken = default) =>
        CallAsync($"inspect network {name}", async token =>
        {
            try
            {
                return ToObserved(await this.client.Networks.InspectNetworkAsync(name, token));
            }
            catch (DockerNetworkNotFoundException)
            {
                return null;
            }
        }, cancellationToken);

    public Task<string> CreateNetworkAsync(SupportNetworkSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return CallAsync($"create network {spec.Name}", async token =>
        {
            var parameters = new NetworksCreateParameters
            {
                Name = spec.Name,
                Driver = "bridge",
                EnableIPv6 = true,
                IPAM = new IPAM
                {
                    Driver = "default",
                    Config =
                    [
                        new IPAMConfig { Subnet = spec.Ipv6Subnet.ToString(), Gateway = spec.Ipv6Gateway.ToString() },
                        new IPAMConfig { Subnet = spec.Ipv4Subnet.ToString(), Gateway = spec.Ipv4Gateway.ToString() },
                    ],
                },
                Labels = new Dictionary<string, string>(spec.Labels),
            };
            return (await this.client.Networks.CreateNetworkAsync(parameters, token)).ID;
        }, cancellationToken);
    }

    public Task<bool> RemoveNetworkAsync(string name, CancellationToken cancellationToken = default) =>
        CallAsync($"remove network {name}", async token =>
        {
            try
            {
                await this.client.Networks.DeleteNetworkAsync(name, token);
                return true;
            }
            catch (DockerNetworkNotFoundException)
            {
                return false;
            }
        }, cancellationToken);

    public Task<ObservedContainer?> InspectContainerAsync(string name, CancellationToken cancellationToken = default) =>
        CallAsync($"inspect container {name}", async token =>
        {
            try
            {
                return ToObserved(await this.client.Containers.InspectContainerAsync(name, token));
            }
            catch (DockerContainerNotFoundException)
            {
                return null;
            }
        }, cancellationToken);

    public Task<string> CreateContainerAsync(ContainerSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return CallAsync($"create container {spec.Name}", async token =>
        {
            var parameters = new CreateContainerParameters
            {
                Name = spec.Name,
                Image = spec.Image,
                Env = [.. spec.EnvironmentList],
                Labels = new Dictionary<string, string>(spec.Labels),
                HostConfig = new HostConfig
                {
                    NetworkMode = spec.Network,
                    CapAdd = [.. spec.CapAdd],
                    Devices = [.. spec.Devices.Select(d => new DeviceMapping { PathOnHost = d.HostPath, PathInContainer = d.ContainerPath, CgroupPermissions = d.Permissions })],
                    Sysctls = new Dictionary<string, string>(spec.Sysctls),
                    Binds = [.. spec.Binds.Select(b => b.ToString())],
                    Privileged = false,
                    RestartPolicy = new RestartPolicy { Name = RestartPolicyKind.UnlessStopped },
                },
                NetworkingConfig = new NetworkingConfig
                {
                    EndpointsConfig = new Dictionary<string, EndpointSettings>
                    {
                        [spec.Network] = new EndpointSettings
                        {
                            IPAMConfig = new EndpointIPAMConfig
                            {
                                IPv4Address = spec.Ipv4Address.ToString(),
                                IPv6Address = spec.Ipv6Address.ToString(),
                            },
                        },
                    },
                },
            };
            return (await this.client.Containers.CreateContainerAsync(parameters, token)).ID;
        }, cancellationToken);
    }

    public Task StartContainerAsync(string name, CancellationToken cancellationToken = default) =>
        CallAsync($"start container {name}", async token =>
        {
            await this.client.Containers.StartContainerAsync(name, new ContainerStartParameters(), token);
            return true;
        }, cancellationToken);

    public Task<bool> StopContainerAsync(string name, TimeSpan grace, CancellationToken cancellationToken = default) =>
        CallAsync($"stop container {name}", token =>
            this.client.Containers.StopContainerAsync(name, new ContainerStopParameters { WaitBeforeKillSeconds = (uint)Math.Ceiling(grace.TotalSeconds) }, token),
            cancellationToken);

    public Task<bool> RemoveContainerAsync(string name, CancellationToken cancellationToken = default) =>
        CallAsync($"remove container {name}", async token =>
        {
            try
            {
                await this.client.Containers.RemoveContainerAsync(name, new ContainerRemoveParameters { Force = true }, token);
                return true;
            }
            catch (DockerContainerNotFoundException)
            {
                return false;
            }
        }, cancellationToken);

    public Task<DockerExecResult> ExecAsync(string container, IReadOnlyList<string> command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        return CallAsync($"run '{CommandLine.Format(command)}' in {container}", async token =>
        {
            var created = await this.client.Exec.CreateContainerExecAsync(container, new ContainerExecCreateParameters
            {
                Cmd = [.. command],
                AttachStdout = true,
                AttachStderr = true,
            }, token);
            string stdout, stderr;
            using (var stream = await this.client.Exec.StartContainerExecAsync(created.ID, new ContainerExecStartParameters(), token))
            {
                (stdout, stderr) = await stream.ReadOutputToEndAsync(token);
            }

            var inspected = await this.client.Exec.InspectContainerExecAsync(created.ID, token);
            // No exit code means the engine lost track of the process: not a success either way.
            return new DockerExecResult(command, inspected.ExitCode ?? -1, stdout, stderr);
        }, cancellationToken);
    }

    public void Dispose() => this.client.Dispose();

    /// <summary>
    /// Runs one request, turning the client's failures into the two that callers handle: the engine
    /// is not there (socket missing, refused, silent) or it said no.
    /// </summary>
    private async Task<T> CallAsync<T>(string what, Func<CancellationToken, Task<T>> request, CancellationToken cancellationToken)
    {
        try
        {
            return await request(cancellationToken);
        }
        catch (DockerApiException e)
        {
            throw new DockerEngineException($"the Docker Engine at {Endpoint} could not {what}: {(int)e.StatusCode} {Trim(e.ResponseBody)}", e);
        }
        catch (Exception e) when (IsUnreachable(e) && !cancellationToken.IsCancellationRequested)
        {
            throw new DockerEngineUnreachableException(Endpoint, Innermost(e));
        }
    }

    private static bool IsUnreachable(Exception e) =>
        e is HttpRequestException or SocketException or TimeoutException or IOException
        || (e.InnerException is { } inner && IsUnreachable(inner));

    private static Exception Innermost(Exception e) => e.InnerException is { } inner ? Innermost(inner) : e;

    private static string Trim(string? body) => string.IsNullOrWhiteSpace(body) ? "(no message)" : body.Trim();

    private static ObservedNetwork ToObserved(NetworkResponse network)
    {
        var subnets = new List<ObservedSubnet>();
        foreach (var config in network.IPAM?.Config ?? [])
        {
            if (Prefix.TryParse(config.Subnet, out var subnet) == Prefix.ParseOutcome.Ok)
            {
                subnets.Add(new ObservedSubnet(subnet, ParseIp(config.Gateway)));
            }
        }

        return new ObservedNetwork(
            network.ID ?? "",
            network.Name ?? "",
            network.Driver ?? "",
            network.EnableIPv6,
            subnets,
            ReadOnly(network.Labels),
            [.. (network.Containers ?? new Dictionary<string, EndpointResource>()).Values.Select(c => c.Name ?? "")]);
    }

    private static ObservedContainer ToObserved(ContainerInspectResponse container)
    {
        var host = container.HostConfig ?? new HostConfig();
        var networks = new Dictionary<string, ObservedEndpoint>(StringComparer.Ordinal);
        foreach (var (name, endpoint) in container.NetworkSettings?.Networks ?? new Dictionary<string, EndpointSettings>())
        {
            // The configured static addresses, which a stopped container keeps; the live ones otherwise.
            var ipv4 = ParseIp(endpoint.IPAMConfig?.IPv4Address) ?? ParseIp(endpoint.IPAddress);
            var ipv6 = ParseIp(endpoint.IPAMConfig?.IPv6Address) ?? ParseIp(endpoint.GlobalIPv6Address);
            networks[name] = new ObservedEndpoint(ipv4, ipv6);
        }

        return new ObservedContainer(
            container.ID ?? "",
            (container.Name ?? "").TrimStart('/'),
            container.Config?.Image ?? "",
            container.Image ?? "",
            container.State?.Running ?? false,
            container.State?.Status ?? "unknown",
            networks,
            [.. host.CapAdd ?? []],
            [.. (host.Devices ?? []).Select(d => new ContainerDevice(d.PathOnHost ?? "", d.PathInContainer ?? "", d.CgroupPermissions ?? ""))],
            ReadOnly(host.Sysctls),
            [.. container.Config?.Env ?? []],
            [.. host.Binds ?? []],
            ReadOnly(container.Config?.Labels),
            host.Privileged,
            RestartPolicyName(host.RestartPolicy));
    }

    private static string RestartPolicyName(RestartPolicy? policy) => policy?.Name switch
    {
        null or RestartPolicyKind.Undefined => "no",
        RestartPolicyKind.UnlessStopped => "unless-stopped",
        RestartPolicyKind.OnFailure => "on-failure",
        RestartPolicyKind.Always => "always",
        var other => other.ToString()!.ToLowerInvariant(),
    };

    private static Ip? ParseIp(string? text) => Ip.TryParse(text, out var ip) ? ip : null;

    private static Dictionary<string, string> ReadOnly(IDictionary<string, string>? values) =>
        values is null ? [] : new Dictionary<string, string>(values, StringComparer.Ordinal);

    /// <summary>The client reports progress through IProgress; this one calls back at once, on the reading thread.</summary>
    private sealed class Progress(Action<JSONMessage> report) : IProgress<JSONMessage>
    {
        public void Report(JSONMessage value) => report(value);
    }
}
