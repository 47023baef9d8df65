/**
 * The parts of the Engine API's JSON the observers read, as optional as engines make them
 * (20.10 → 29). Only fields that exist on some version are listed; none is assumed present.
 */

export interface VersionJson {
  Version?: string;
  ApiVersion?: string;
  MinAPIVersion?: string;
  KernelVersion?: string;
}

export interface InfoJson {
  Name?: string;
  ServerVersion?: string;
  KernelVersion?: string;
  IPv4Forwarding?: boolean;
  BridgeNfIptables?: boolean;
  DefaultAddressPools?: { Base?: string; Size?: number }[] | null;
  /** 28.1+ (API 1.49). */
  FirewallBackend?: { Driver?: string; Info?: [string, string][] | null } | null;
  Swarm?: {
    NodeID?: string;
    NodeAddr?: string;
    LocalNodeState?: string;
    ControlAvailable?: boolean;
    Error?: string;
    Nodes?: number;
    Managers?: number;
    Cluster?: {
      ID?: string;
      DefaultAddrPool?: string[] | null;
      SubnetSize?: number;
      DataPathPort?: number;
    } | null;
  };
}

export interface PortBindingJson {
  HostIp?: string;
  HostPort?: string;
}

export interface EndpointJson {
  IPAMConfig?: { IPv4Address?: string; IPv6Address?: string } | null;
  Links?: string[] | null;
  Aliases?: string[] | null;
  /** API 1.44+ */
  DNSNames?: string[] | null;
  NetworkID?: string;
  EndpointID?: string;
  Gateway?: string;
  IPAddress?: string;
  IPPrefixLen?: number;
  IPv6Gateway?: string;
  GlobalIPv6Address?: string;
  GlobalIPv6PrefixLen?: number;
  MacAddress?: string;
  /** API 1.48+ */
  GwPriority?: number;
}

export interface ContainerJson {
  Id: string;
  Name?: string;
  Image?: string;
  State?: {
    Status?: string;
    Running?: boolean;
    Paused?: boolean;
    Restarting?: boolean;
    Pid?: number;
    ExitCode?: number;
  };
  ResolvConfPath?: string;
  HostsPath?: string;
  HostConfig?: {
    NetworkMode?: string;
    PortBindings?: Record<string, PortBindingJson[] | null> | null;
    PublishAllPorts?: boolean;
    Links?: string[] | null;
    /** `--add-host name:ip` (older engines; newer may write `name=ip`). */
    ExtraHosts?: string[] | null;
  };
  Config?: {
    Hostname?: string;
    Image?: string;
    ExposedPorts?: Record<string, unknown> | null;
  };
  NetworkSettings?: {
    SandboxKey?: string;
    Ports?: Record<string, PortBindingJson[] | null> | null;
    Networks?: Record<string, EndpointJson | null> | null;
  };
}

/** An entry of `GET /containers/json` (the list). */
export interface ContainerSummaryJson {
  Id: string;
  Names?: string[];
  State?: string;
}

export interface NetworkJson {
  Name: string;
  Id: string;
  Scope?: string;
  Driver?: string;
  EnableIPv6?: boolean;
  Internal?: boolean;
  Attachable?: boolean;
  Ingress?: boolean;
  IPAM?: {
    Driver?: string;
    Config?: { Subnet?: string; Gateway?: string; IPRange?: string }[] | null;
  } | null;
  Options?: Record<string, string> | null;
  Labels?: Record<string, string> | null;
  Containers?: Record<
    string,
    {
      Name?: string;
      EndpointID?: string;
      MacAddress?: string;
      IPv4Address?: string;
      IPv6Address?: string;
    }
  > | null;
  Peers?: { Name?: string; IP?: string }[] | null;
}

export interface NodeJson {
  ID: string;
  Spec?: { Role?: string; Availability?: string };
  Description?: { Hostname?: string };
  Status?: { State?: string; Addr?: string };
  ManagerStatus?: { Leader?: boolean; Reachability?: string; Addr?: string } | null;
}
