// fakeSha256 of each seed the image catalog hashes (digests, config IDs, build ids), worked out ahead so that
// loading the catalog and pulling its images hash nothing; test/images/digests.test.ts recomputes every one.

/** Known `sha256:<hex>` values by seed. */
export const KNOWN_DIGESTS: ReadonlyMap<string, string> = new Map([
  ["digest:agnhost:2.53", "sha256:a15d64ebdb3227c34089c44d6ff5f387e9d74cf0f53955a491701b625a266094"],
  ["digest:busybox:1.37", "sha256:45c0291f1b23be1fc04c42389179d098f69c265c500835b3d58874ea2c508506"],
  ["digest:busybox:1.28", "sha256:7320d833aacde7a50891b21d5a5bd3957c84321a541c4df2ee1ab1ad99dcf33b"],
  ["digest:busybox:1.31", "sha256:6323a531f60eb1c6f4114b5afa56ae1a917808ae33e97fdf9600e4698f13fa38"],
  ["digest:busybox:1.35", "sha256:06dc5e32ff688b8157f06886a02d98df8838a49200ac6a96431f6b722abfc063"],
  ["digest:busybox:1.36", "sha256:e92690372f2dfca2335cc638bad085d21f26d5bc489e6bd6f64cb408ffd8f6ba"],
  ["digest:busybox:1.36-musl", "sha256:c499d5ca8bc599e7f2d3674f160a76d547c7a680b8f3526dadb1a4ebc1f26f20"],
  ["digest:busybox:1.37-musl", "sha256:2dba9c67e67d8f8debfd3215f9352cd30f8cb55e83077cfd2e8e0068a4267e3e"],
  [
    "digest:registry.k8s.io/etcd:3.5.16-0",
    "sha256:9451c5ef345da6a188e4f7e312de6addf5a555ae86d3e041990fcb696f281949",
  ],
  [
    "digest:registry.k8s.io/kube-apiserver:v1.32.4",
    "sha256:2e038fbe475279806dd0c8610c727db33bef6749a758ae0ba73270e97e3cd1d6",
  ],
  [
    "digest:registry.k8s.io/kube-controller-manager:v1.32.4",
    "sha256:eb389ca4b07dec688e5609799b7249bba6d9f3c34dc2d7e0a1db43d18479f09e",
  ],
  [
    "digest:registry.k8s.io/kube-scheduler:v1.32.4",
    "sha256:a34cac4ffed89e6602dd47d165ec6012f12093a0cd22ab56418213022fa24b4d",
  ],
  [
    "digest:registry.k8s.io/kube-proxy:v1.32.4",
    "sha256:b63b187fa1d69113e15669e3e9c2a77730c9d5f7d338a111ec3e1ed16f2998ee",
  ],
  [
    "digest:registry.k8s.io/coredns/coredns:v1.11.3",
    "sha256:daebe57f7ce58bc5dfb3a6077a5c902fc79f9a12538d89d984804d9b26230f81",
  ],
  [
    "digest:ghcr.io/flannel-io/flannel:v0.26.4",
    "sha256:44076e6cb1dcac54fd6673d8bc1ccb4aa655c66b52f83c93d8a205e83d606c0c",
  ],
  [
    "digest:ghcr.io/flannel-io/flannel-cni-plugin:v1.6.2-flannel1",
    "sha256:5157ab80f67120b310015f0225162d6bf8f094495fc314372ca718d234702a3a",
  ],
  ["digest:kubenotes/crash:1.0", "sha256:8ea9b947fbac973f1932d7c9198179a2848947d67f785617f4c09bf14d6d3359"],
  ["digest:httpd:2.4", "sha256:73aeae3552c9e744a605e8790a90dd1b4a4dcce12362a12c51c6be1458b6b9de"],
  ["digest:httpd:2.4-alpine", "sha256:6b3e1bbef1728aba325897fb24c3e13209b06c51b5ad0a797ff5f5dd2946245f"],
  ["digest:nginx:1.27", "sha256:0fff3c0ab2fa2f84ce505a7c4e29937686272fef2210bdf90304c16ff3d0dc5f"],
  ["digest:nginx:1.14", "sha256:e9c45c703fc5bd7cc45238533e1e0d3813116f53424034e8ec49edcf0dc10b40"],
  ["digest:nginx:1.16", "sha256:cb6949fb3d5487a18016630351097378acf2ed53a31fe5c10e1bea58dd027d50"],
  ["digest:nginx:1.19", "sha256:1712580bfb08bb3624ce64563cb217ab7ff02046030a1f8c55d5770449314e7d"],
  ["digest:nginx:1.20", "sha256:8a51c0fe9aa2ed8db5e33b66956be8e7ef6fc976482b0246e7c83c5e38947c85"],
  ["digest:nginx:1.21", "sha256:276e5b0bbbf8815b0185b2967200571a63daf22fa0a6658ea2c4149aa777473e"],
  ["digest:nginx:1.22", "sha256:ea94b0ebc7ca488b82794a1d4b51a252bc390e0d1352e8968f1cb200b44adece"],
  ["digest:nginx:1.23", "sha256:ed545e7763370c36a3cc2876b9af9c394f173cfc4107622de1852db78ed2990f"],
  ["digest:nginx:1.24", "sha256:ae218adca5be3a8eab60a2cbfad77c79404db98748a22070f9ef8ca7b6186856"],
  ["digest:nginx:1.25", "sha256:8fa0c6e567c49bd41ab808bb55d913aa9c3bb902da417636243ebb3c3f1a5bd1"],
  ["digest:nginx:1.26", "sha256:7ac56bd48c566091af2729e9f91c512bb85adf081a0d516ffaf56f94edb04003"],
  ["digest:nginx:1.28", "sha256:f903e4c1c7b045308422e0898f0a831ccea76f5abcf6870db70c98909f006ceb"],
  ["digest:nginx:1.29", "sha256:d75caf756a4d7c7a8098b3bb975181826cc6edff682b97cc1a1c9a481d4ee7f0"],
  ["digest:nginx:1.14-alpine", "sha256:8755fe5a827241e455daef9df25c9b1d8e013ccb9b552c334ddfc14fc2e24a83"],
  ["digest:nginx:1.16-alpine", "sha256:2dcf11bd770d163608e984a267a43ae4cf5c06b31370bcae761a23f916f49f1e"],
  ["digest:nginx:1.25-alpine", "sha256:8b7737b876d7f5f0c88bfa38a39b5ed622b4c07eccdba815cb5ed231aa88b830"],
  ["digest:nginx:1.26-alpine", "sha256:5bdefca1cfd22eab6abe36990f2e75cfa449316f89ec8397a444fd3096702a30"],
  ["digest:nginx:1.27-alpine", "sha256:bef4a4c84ecd00bb1056c051e92c6d05d90ae6ce531a21c9bdb81cad91d6415d"],
  ["digest:pause:3.10", "sha256:9e14f72920e4e9d689e19d6979767da3337f4dcff0a71b26a4ff1e5b9c8ab5ca"],
  ["build:redis:7.4.2", "sha256:01c8cd23c5b207ce7c2fd370177b6ef4613cb31798df067d7e87938598a226db"],
  [
    "digest:docker.io/library/redis:7.4",
    "sha256:a18c77795f1d0a29ff4cc354e3677fae0fa2b6a07508d246857f6557e79759a0",
  ],
  ["build:redis:6.2.17", "sha256:407ad8ddd4dacb69843b063e045faa01487d536a22e89a78e5e805c134c1b4d6"],
  [
    "digest:docker.io/library/redis:6.2",
    "sha256:fb0d65567ca0123948b5fd4978d035f6a0a1903602435aa097725c7518b582fc",
  ],
  ["build:redis:7.0.15", "sha256:7246fa64e38cf963d4163c6a9b97a0ca33b9d2428901de6a9397c65b13e43120"],
  [
    "digest:docker.io/library/redis:7.0",
    "sha256:7a7d4d87073a1f48907a8f2e6873ee86bf55d05bb1f17012339edb6b6a1fa196",
  ],
  ["build:redis:7.2.7", "sha256:457fe200dee6e133ee3a969672f17c3f6f38929caa8c7cdde5bc65ad5cb9ae44"],
  [
    "digest:docker.io/library/redis:7.2",
    "sha256:93ae0fffb80482b78937c7a9589ee194efb97428a6b35de4667103131e9085d5",
  ],
  [
    "digest:docker.io/library/redis:6.2-alpine",
    "sha256:e89b8a1b5b30888424f9ca0c90a34b24c149f9742fbada265b6ddbd7d191087d",
  ],
  [
    "digest:docker.io/library/redis:7.2-alpine",
    "sha256:f402b1de235a2cc255b662ddaf1aaf417ff17f1c656078ffba646f483656c0de",
  ],
  [
    "digest:docker.io/library/redis:7.4-alpine",
    "sha256:a45650213335906b6da59899475d2c0c583cc459742e79ec91ad16a81373212c",
  ],
  [
    "config:docker.io/library/nginx:1.27",
    "sha256:089948cf281b969c90835f7e2263ff42318d67846c859b82944d753cf1e19d12",
  ],
  [
    "config:docker.io/library/busybox:1.37",
    "sha256:74b78224b49d06f593d4d1d816aa3da610ec61ccdd6fefcc0210bfb05361d3f8",
  ],
  [
    "config:docker.io/library/redis:7.4",
    "sha256:564d534af9683573221d8f5d3c11a829975faba72f6c8e3446dbd77f61b7e3b1",
  ],
  [
    "config:docker.io/library/httpd:2.4",
    "sha256:4caf3bc6ce1adec0dd552e533da07b756d739365eb29244babf839e1a37e41db",
  ],
  [
    "config:registry.k8s.io/e2e-test-images/agnhost:2.53",
    "sha256:60beb255ec69c071a3099f234184b6caf63d51faa153f635d42cb81a5ea46d44",
  ],
  [
    "config:docker.io/kubenotes/crash:1.0",
    "sha256:0936bcfce66b9ff24e88839310be6aa6c932c8f77e303362aaea6a2deac46da7",
  ],
  [
    "config:registry.k8s.io/pause:3.10",
    "sha256:ac4f3b57b7923529c5e3f72537747fe638acbb5999156aa26a505e0446633769",
  ],
  [
    "config:registry.k8s.io/etcd:3.5.16-0",
    "sha256:076bcf9fbfef257580a39485ffdbdafb8e76edfd0a4a4b9151a76c9d96eaecaf",
  ],
  [
    "config:registry.k8s.io/kube-apiserver:v1.32.4",
    "sha256:c0b2a71d8d871d2a160b581be972c2ab62659436e6263c384cb6ae4e908c64ed",
  ],
  [
    "config:registry.k8s.io/kube-controller-manager:v1.32.4",
    "sha256:4dc686e3762710bbb11b5603f71f603d6e2480c39ca7dc1fb630a2e0bb3fe004",
  ],
  [
    "config:registry.k8s.io/kube-scheduler:v1.32.4",
    "sha256:8953c4c5f34f360928658c1baaf2c68064c4a5726ad1014f7a3a7ff8ca3875e5",
  ],
  [
    "config:registry.k8s.io/kube-proxy:v1.32.4",
    "sha256:5d0d59c7a9a18ea48764dd4535f75eb3527b6c0687d72e860f8fae1bf98cc16d",
  ],
  [
    "config:registry.k8s.io/coredns/coredns:v1.11.3",
    "sha256:aef1ff9fe10e9d6529bff1e55d7faf86df548c43d58fabef397768749878372c",
  ],
  [
    "config:ghcr.io/flannel-io/flannel:v0.26.4",
    "sha256:8818adaa2e0cdca4703cbc820c9d271253c7ae8866d29c9dc5f8d02de7d9ae43",
  ],
  [
    "config:ghcr.io/flannel-io/flannel-cni-plugin:v1.6.2-flannel1",
    "sha256:ef1fe599722b67e1d5989016688ad31c3eec5d85342bd07d6e30a2a2135b2300",
  ],
  [
    "config:docker.io/library/nginx:1.14",
    "sha256:0fef45c0fe068e5c68ffe08cb3f6b744305928995069fa8b0707ca22dcc53138",
  ],
  [
    "config:docker.io/library/nginx:1.16",
    "sha256:4b522a32d662f38148c193ba95ea8356beddc65b94bd7de2895ac0e5715475be",
  ],
  [
    "config:docker.io/library/nginx:1.19",
    "sha256:ffa1f2cb022c8ac5349e07735ea0f3a8a4ac4695df8d333fd52ed2184a21abbb",
  ],
  [
    "config:docker.io/library/nginx:1.20",
    "sha256:c0b78308e768f4008fa1c42c9b5e786fe2fcc6a1922b253e5bf7228baa8d4258",
  ],
  [
    "config:docker.io/library/nginx:1.21",
    "sha256:6cab88f30443059b59adce76f4ec7b6b79818f8aeb9aeb687f7ea69756f593c6",
  ],
  [
    "config:docker.io/library/nginx:1.22",
    "sha256:09285658ddd1ff52c0eacbd10041e3ae6261760802586786abbe96cdcc65330d",
  ],
  [
    "config:docker.io/library/nginx:1.23",
    "sha256:ae110f9ada2757930f315e7bebbeddfbca416827cb53f2f6533aa24d15c895b6",
  ],
  [
    "config:docker.io/library/nginx:1.24",
    "sha256:fac9645271875d56d264c7854d552427b152ec2185cc62f977608093b547c6d1",
  ],
  [
    "config:docker.io/library/nginx:1.25",
    "sha256:943753e9fd18624f3c2dc89c1064ac67e2183ca769004811afe1db812c09a040",
  ],
  [
    "config:docker.io/library/nginx:1.26",
    "sha256:b476eb3c524cb0aeeefb9c23c1a51b108af6829e8f27790376ab4927e0d75ae2",
  ],
  [
    "config:docker.io/library/nginx:1.28",
    "sha256:25b8c204ced4ce439f6f9ed29c66be58a24292477c74ef2db1eb80f39729a4b7",
  ],
  [
    "config:docker.io/library/nginx:1.29",
    "sha256:958cbb6cc86b18cfa159198f9afdbe50358377dc0202e3f8d68c16b209d54c64",
  ],
  [
    "config:docker.io/library/nginx:1.14-alpine",
    "sha256:95e4be2ff7020f14abaee98c2c86b02b2035b676089d0ae7ae23eb4f8a047e3b",
  ],
  [
    "config:docker.io/library/nginx:1.16-alpine",
    "sha256:1c9abc98b49ab3862b7daeb96cce4b8a93a0847176525ba05c486586231c7033",
  ],
  [
    "config:docker.io/library/nginx:1.25-alpine",
    "sha256:0d73caf1166b5ec76c472ab216963c5bac43b1ad6790c9c185211a26e622687c",
  ],
  [
    "config:docker.io/library/nginx:1.26-alpine",
    "sha256:a182bc3105fd88323dd9d7c6fd74543b1d330e0c6c6c9912f4318a3a2e3dd703",
  ],
  [
    "config:docker.io/library/nginx:1.27-alpine",
    "sha256:0abc097e9f5012f05fa55000428214df483164b1c1d2aa92657a51fca35a7c2c",
  ],
  [
    "config:docker.io/library/busybox:1.28",
    "sha256:a34f3276ce6b5772d39326be67cd75f0875692e2e53ada95bf0ef2da5ab8d4a3",
  ],
  [
    "config:docker.io/library/busybox:1.31",
    "sha256:15d76f274092c6813ef91671da44bced8f39ef32d19966de7a932de294cac993",
  ],
  [
    "config:docker.io/library/busybox:1.35",
    "sha256:72e040c3b7800bfdaaabee031e2a554fb73460c4bddab273abf3b27151fa965a",
  ],
  [
    "config:docker.io/library/busybox:1.36",
    "sha256:b7e66b1d02c963fcaf9d152c0e01d6f1de2c0481132401a24af3048fbd784235",
  ],
  [
    "config:docker.io/library/busybox:1.36-musl",
    "sha256:f4df1dce54538f9de32f541b5257f7d97f6b1d9e20cd8bfa76b1459b42f2214c",
  ],
  [
    "config:docker.io/library/busybox:1.37-musl",
    "sha256:f7d927c93ee36eff18880a551519bfe61da34cf49e15af39696235861fffb1af",
  ],
  [
    "config:docker.io/library/redis:6.2",
    "sha256:210f96924fc66342cc71b775518cb2538607d11b5e215d88d6e237c933d9e6ff",
  ],
  [
    "config:docker.io/library/redis:7.0",
    "sha256:d463d2018987ccae3e4d1d6b2437e9cb1c64500c8dc114a76b4a08e3f6fef8aa",
  ],
  [
    "config:docker.io/library/redis:7.2",
    "sha256:0a44e171a0f5c1dd1d92b7af04b4bc32c1c9f1b4dc6e35dccba52e0efb10ce47",
  ],
  [
    "config:docker.io/library/redis:6.2-alpine",
    "sha256:5f944d1f1164138ef41187317637d9464d6f419974e428298986df55f26c28a5",
  ],
  [
    "config:docker.io/library/redis:7.2-alpine",
    "sha256:450d666636b977be22d30e6268463fc91e4d778964e47738189d668653dbe6fd",
  ],
  [
    "config:docker.io/library/redis:7.4-alpine",
    "sha256:f7d505075e6692475637900ef76e2a26dbb1801af63a4fba12d585d21f6a5515",
  ],
  [
    "config:docker.io/library/httpd:2.4-alpine",
    "sha256:d71882640c17e03e17d5c4e5c1e66e9d88dc1e09de963359dd7ed31c6b7e75bd",
  ],
]);
