import type { CLOUDS, CNIS, FRAMEWORKS, MESHES, PLATFORMS } from './answers.js';

/** How the questionnaire and the report name each answer value to a person. */
export const FRAMEWORK_NAMES: Record<(typeof FRAMEWORKS)[number], string> = {
  'pci-dss': 'PCI DSS',
  hipaa: 'HIPAA',
  soc2: 'SOC 2',
  iso27001: 'ISO 27001',
  fedramp: 'FedRAMP',
  gdpr: 'GDPR',
  nis2: 'NIS2',
  dora: 'DORA',
};

export const CLOUD_NAMES: Record<(typeof CLOUDS)[number], string> = {
  aws: 'AWS',
  azure: 'Azure',
  gcp: 'Google Cloud',
  oracle: 'Oracle Cloud',
  ibm: 'IBM Cloud',
  alibaba: 'Alibaba Cloud',
  'on-prem': 'on-premises data centre',
  other: 'other',
};

export const PLATFORM_NAMES: Record<(typeof PLATFORMS)[number], string> = {
  'self-managed': 'self-managed Kubernetes',
  eks: 'Amazon EKS',
  aks: 'Azure Kubernetes Service',
  gke: 'Google Kubernetes Engine',
  'gke-autopilot': 'GKE Autopilot',
  openshift: 'Red Hat OpenShift',
  rke2: 'SUSE RKE2',
  k3s: 'SUSE K3s',
  talos: 'Sidero Talos Linux',
};

export const CNI_NAMES: Record<(typeof CNIS)[number], string> = {
  flannel: 'Flannel',
  canal: 'Canal',
  calico: 'Calico',
  cilium: 'Cilium',
  'aws-vpc-cni': 'AWS VPC CNI',
  'azure-cni': 'Azure CNI',
  'ovn-kubernetes': 'OVN-Kubernetes',
  weave: 'Weave Net',
  other: 'another CNI',
  none: 'none (new clusters)',
};

export const MESH_NAMES: Record<(typeof MESHES)[number], string> = {
  none: 'none',
  istio: 'Istio',
  linkerd: 'Linkerd',
  consul: 'Consul',
  kuma: 'Kuma',
  other: 'another mesh',
};
