/** What `help` prints in the kubenotes shell. */
export const HELP_TEXT = `kubenotes shell: a simulated kubeadm cluster (Kubernetes v1.32), one control plane and its workers.

  kubectl ...            talk to the API server (also: k ...)
  ssh <node> [command]   run a command on a node, or switch to it (exit to come back)
  sleep <seconds>        let virtual time pass (the cluster keeps working)
  diagram [what]         draw the cluster (nodes, pods, services) as it is now
  clear                  clear the screen
  help                   this text

On a node: ps, pgrep, pidof, kill, ss, systemctl, journalctl, crictl, etcdctl
(control plane), ip, iptables, iptables-save, lsns, nsenter, readlink, ls, cat,
touch, rm, mkdir, mv, cp, chmod, date, hostname, uname, uptime, free, df, env,
printenv, which, curl, wget, nc, ping, nslookup; /proc/meminfo, /proc/loadavg
and /proc/uptime.
Text tools read pipes or files: grep, head, tail, wc, sort, uniq, cut, tr, base64,
sed (s, p, d, q, =, a/i/c, y, {}, ranges; -n -e -E -s -i), and a small awk (-F, -v,
BEGIN/END, /re/ and comparison patterns, print, printf, $N, $NF, NR, NF, +=,
length, substr, index, toupper, tolower).
The shell has cd and pwd, pipes, ; && ||, $VAR, $(...) and backticks, for/while/if, printf,
here-documents (kubectl apply -f - <<EOF ... EOF) and > >> 2> 2>&1 >&2 < redirections.
kubectl exec ... -- sh -c '...' runs the same shell inside the container;
kubectl exec -it POD -- sh (or kubectl run -it --rm ... -- sh) hands the terminal
to the container's shell until exit.
`;
