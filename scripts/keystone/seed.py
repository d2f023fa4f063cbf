"""Creates the demo cloud in a bootstrapped Keystone through its REST API and writes what the
console, the emulator and the tests need to know (ids, users, passwords) as JSON.

usage: seed.py KEYSTONE_URL ADMIN_PASSWORD WORKLOADS_URL OUT.json
"""
import json
import sys
import urllib.error
import urllib.request

KEYSTONE, ADMIN_PASSWORD, WORKLOADS_URL, OUT = sys.argv[1:5]
MEMBER_PASSWORD = "member-demo-pw"
REGION = "RegionOne"


def call(method, path, body=None, token=None, expect=(200, 201, 204)):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(KEYSTONE + path, data=data, method=method)
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("X-Auth-Token", token)
    try:
        with urllib.request.urlopen(req) as resp:
            text = resp.read().decode()
            return resp.headers, (json.loads(text) if text else {})
    except urllib.error.HTTPError as e:
        if e.code in expect:
            return e.headers, {}
        raise SystemExit(f"{method} {path}: HTTP {e.code} {e.read().decode()[:300]}")


def password_auth(user, password, project):
    body = {"auth": {
        "identity": {"methods": ["password"], "password": {"user": {
            "name": user, "domain": {"id": "default"}, "password": password}}},
        "scope": {"project": {"name": project, "domain": {"id": "default"}}}}}
    headers, _ = call("POST", "/auth/tokens", body)
    return headers["X-Subject-Token"]


token = password_auth("admin", ADMIN_PASSWORD, "admin")


def find(kind, name):
    _, found = call("GET", f"/{kind}?name={name}", token=token)
    items = found.get(kind, [])
    return items[0]["id"] if items else None


def ensure(kind, singular, name, body):
    existing = find(kind, name)
    if existing:
        return existing
    _, made = call("POST", f"/{kind}", {singular: dict(body, name=name)}, token=token)
    return made[singular]["id"]


demo = ensure("projects", "project", "demo", {"domain_id": "default", "description": "Demo project"})
second = ensure("projects", "project", "second", {"domain_id": "default", "description": "A second project"})
admin_project = find("projects", "admin")
admin_user = find("users", "admin")
member_user = ensure("users", "user", "member", {"domain_id": "default", "password": MEMBER_PASSWORD})
admin_role, member_role = find("roles", "admin"), find("roles", "member")
for project, user, role in [(demo, admin_user, admin_role), (second, admin_user, admin_role),
                            (demo, member_user, member_role)]:
    call("PUT", f"/projects/{project}/users/{user}/roles/{role}", token=token)

service = ensure("services", "service", "TrilioVaultWLM", {"type": "workloads", "description": "Workloadmgr"})
_, endpoints = call("GET", f"/endpoints?service_id={service}", token=token)
if not endpoints.get("endpoints"):
    for interface in ("public", "internal", "admin"):
        call("POST", "/endpoints", {"endpoint": {
            "service_id": service, "interface": interface, "region_id": REGION, "url": WORKLOADS_URL}}, token=token)

with open(OUT, "w") as f:
    json.dump({
        "keystone_url": KEYSTONE, "region": REGION,
        "projects": {"demo": demo, "second": second, "admin": admin_project},
        "users": {"admin": {"id": admin_user, "password": ADMIN_PASSWORD},
                  "member": {"id": member_user, "password": MEMBER_PASSWORD}},
    }, f, indent=2)
