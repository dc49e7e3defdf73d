// The environment a root login on an Ubuntu 22.04 node starts with (pam_env, login and bash's profile).

/** Ubuntu's default PATH for root, as /etc/environment sets it. */
export const ROOT_PATH =
  "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/games:/usr/local/games:/snap/bin";

/** Make a fresh root login's variables; the SSH_* and XDG_SESSION_* ones of a real session are not modelled. */
export function loginEnvironment(): Record<string, string> {
  return {
    SHELL: "/bin/bash",
    PWD: "/root",
    LOGNAME: "root",
    HOME: "/root",
    LANG: "C.UTF-8",
    USER: "root",
    SHLVL: "1",
    XDG_RUNTIME_DIR: "/run/user/0",
    PATH: ROOT_PATH,
  };
}
