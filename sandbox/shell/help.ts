/** What `help` prints in the kubenotes shell. */
export const HELP_TEXT = `kubenotes shell: a simulated kubeadm cluster (Kubernetes v1.32) in your browser.

  kubectl ...            talk to the API server (also: k ...)
  ssh <node> [command]   run a command on a node, or switch to it (exit to come back)
  sleep <seconds>        let virtual time pass (the cluster keeps working)
  diagram [what]         draw the cluster (nodes, pods, services) as it is now
  clear                  clear the screen
  help                   this text

On a node: ps, systemctl, journalctl, crictl, etcdctl (control plane), ip, iptables,
iptables-save, lsns, nsenter, ls, cat, hostname, uname, curl, ping, nslookup.
Pipes into grep, head, tail, wc, sort, uniq, cut, awk and base64 work; so do
here-documents (kubectl apply -f - <<EOF ... EOF) and > file redirection.
`;
