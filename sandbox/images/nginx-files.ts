// The files of an nginx image a reader looks at: its configuration, document root and log links.
import { type BaseOs, baseFiles } from "./base-os.ts";
import type { ImageFile } from "./types.ts";

const BOOKWORM: BaseOs = { id: "debian", release: "12.9", gcc: "" };

/** The mtime of the nginx package's files (index.html's is what Last-Modified and ETag show for `/`). */
export const NGINX_PKG_MTIME = 1738753592;
// When the image's own layer ran useradd and created /var/cache/nginx; plausible, not read from the image.
const LAYER_MTIME = 1738779166;

/** The default index.html nginx serves. */
export const NGINX_WELCOME = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

const ERROR_50X = `<!DOCTYPE html>
<html>
<head>
<title>Error</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>An error occurred.</h1>
<p>Sorry, the page you are looking for is currently unavailable.<br/>
Please try again later.</p>
<p>If you are the system administrator of this resource then you should check
the error log for details.</p>
<p><em>Faithfully yours, nginx.</em></p>
</body>
</html>
`;

// The packaged nginx.conf (it starts with an empty line). Later packages moved the pid file to /run.
const NGINX_CONF_TEXT = `
user  nginx;
worker_processes  auto;

error_log  /var/log/nginx/error.log notice;
pid        /var/run/nginx.pid;


events {
    worker_connections  1024;
}


http {
    include       /etc/nginx/mime.types;
    default_type  application/octet-stream;

    log_format  main  '$remote_addr - $remote_user [$time_local] "$request" '
                      '$status $body_bytes_sent "$http_referer" '
                      '"$http_user_agent" "$http_x_forwarded_for"';

    access_log  /var/log/nginx/access.log  main;

    sendfile        on;
    #tcp_nopush     on;

    keepalive_timeout  65;

    #gzip  on;

    include /etc/nginx/conf.d/*.conf;
}
`;
const NGINX_CONF = NGINX_CONF_TEXT;
// Before 1.19 the packaged nginx.conf logged at warn, so nginx's start-up notices never showed.
const NGINX_CONF_WARN = NGINX_CONF_TEXT.replace("error.log notice;", "error.log warn;");

/** The packaged conf.d/default.conf; the entrypoint adds `listen  [::]:80;` at start-up. */
export function defaultConf(ipv6: boolean): string {
  return ipv6 ? CONF_IPV6 : CONF_PACKAGED;
}

// Built once: every nginx container compares against and writes these texts, so they share one copy each.
function buildDefaultConf(ipv6: boolean): string {
  return `server {
    listen       80;
${ipv6 ? "    listen  [::]:80;\n" : ""}    server_name  localhost;

    #access_log  /var/log/nginx/host.access.log  main;

    location / {
        root   /usr/share/nginx/html;
        index  index.html index.htm;
    }

    #error_page  404              /404.html;

    # redirect server error pages to the static page /50x.html
    #
    error_page   500 502 503 504  /50x.html;
    location = /50x.html {
        root   /usr/share/nginx/html;
    }

    # proxy the PHP scripts to Apache listening on 127.0.0.1:80
    #
    #location ~ \\.php$ {
    #    proxy_pass   http://127.0.0.1;
    #}

    # pass the PHP scripts to FastCGI server listening on 127.0.0.1:9000
    #
    #location ~ \\.php$ {
    #    root           html;
    #    fastcgi_pass   127.0.0.1:9000;
    #    fastcgi_index  index.php;
    #    fastcgi_param  SCRIPT_FILENAME  /scripts$fastcgi_script_name;
    #    include        fastcgi_params;
    #}

    # deny access to .htaccess files, if Apache's document root
    # concurs with nginx's one
    #
    #location ~ /\\.ht {
    #    deny  all;
    #}
}

`;
}

const CONF_PACKAGED = buildDefaultConf(false);
const CONF_IPV6 = buildDefaultConf(true);

/** How an nginx image's files differ by tag: its base layer and whether its nginx.conf logs notices. */
export interface NginxFilesSpec {
  base: BaseOs;
  notices: boolean;
}

// The image's own layer adds the nginx user: Debian's useradd and Alpine's adduser word it differently.
const NGINX_USER = {
  debian: "nginx:x:101:101:nginx user:/nonexistent:/bin/false",
  alpine: "nginx:x:101:101:nginx:/var/cache/nginx:/sbin/nologin",
};

/** List the files an nginx image ships (mime.types, fastcgi_params and the modules are not modelled). */
export function nginxFiles(spec?: NginxFilesSpec): ImageFile[] {
  // Every tag serves the same welcome page and default.conf (older packages' small rewordings are not modelled).
  const pkg = NGINX_PKG_MTIME;
  const base = spec?.base ?? BOOKWORM;
  return [
    ...baseFiles(base, [NGINX_USER[base.id]], LAYER_MTIME),
    {
      path: "/etc/nginx/nginx.conf",
      content: spec && !spec.notices ? NGINX_CONF_WARN : NGINX_CONF,
      mtime: pkg,
    },
    { path: "/etc/nginx/conf.d/default.conf", content: defaultConf(false), mtime: pkg },
    { path: "/usr/share/nginx/html/50x.html", content: ERROR_50X, mtime: pkg },
    { path: "/usr/share/nginx/html/index.html", content: NGINX_WELCOME, mtime: pkg },
    { path: "/var/cache/nginx", mtime: LAYER_MTIME },
    // The Dockerfile links the logs to the container's stdout and stderr, so `kubectl logs` shows them.
    { path: "/var/log/nginx/access.log", link: "/dev/stdout", mtime: LAYER_MTIME },
    { path: "/var/log/nginx/error.log", link: "/dev/stderr", mtime: LAYER_MTIME },
  ];
}
