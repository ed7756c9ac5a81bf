"""Rate limits per client address: past a limit, a 429 page with Retry-After; never for a buyer."""

import random

import pytest
from django.http import HttpResponse
from django.test import Client, RequestFactory

from advisor import limits, services
from advisor.limits import limited, rate_limit_item
from advisor.models import Submission
from tests.conftest import browser, redis_or_skip, sample_answers
from tests.test_wizard import answer_all, start

OWNER = "owner-browser-key"


def owner_client(**defaults) -> Client:
    return browser(OWNER, **defaults)


@pytest.fixture
def report(db):
    return services.reports.create_report(answers=sample_answers(), owner_key=OWNER)


def assert_too_many(response):
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 60 * 60
    html = response.content.decode()
    assert "Please slow down" in html
    assert "OEM / ODM sourcing advisor" in html  # the site's own header: base.html


@pytest.mark.slow
def test_a_client_asking_for_100_pdfs_in_a_minute_meets_a_429_and_others_do_not(report):
    greedy = Client(REMOTE_ADDR="203.0.113.66")
    statuses = [greedy.get(f"/r/{report.token}.pdf").status_code for _ in range(100)]
    assert statuses[0] == 200
    assert set(statuses) == {200, 429}
    # 20 a minute in fixed windows: the run may straddle two of them, never more.
    assert statuses.count(200) <= 40
    assert_too_many(greedy.get(f"/r/{report.token}.pdf"))

    other = Client(REMOTE_ADDR="198.51.100.7")
    assert other.get(f"/r/{report.token}.pdf").status_code == 200


def test_the_limit_follows_the_client_behind_the_proxy(report, settings):
    settings.PROXY_COUNT = 1
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "revoke": "3/h"}
    proxy = Client(REMOTE_ADDR="10.0.0.2")
    url = f"/r/{report.token}/revoke"
    for _ in range(3):
        assert proxy.get(url, HTTP_X_FORWARDED_FOR="203.0.113.66").status_code == 403
    assert_too_many(proxy.get(url, HTTP_X_FORWARDED_FOR="203.0.113.66"))
    assert proxy.get(url, HTTP_X_FORWARDED_FOR="198.51.100.7").status_code == 403


def test_report_creation_is_limited(client, db, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "report": "2/h"}
    review = answer_all(client, start(client))["Location"]
    assert client.get(review).status_code == 200  # looking does not count
    assert [client.post(review).status_code for _ in range(2)] == [303, 303]
    assert_too_many(client.post(review))


def test_forks_are_limited(report, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "fork": "2/h"}
    colleague = Client()
    url = f"/r/{report.token}/fork"
    assert colleague.get(url).status_code == 200
    assert [colleague.post(url).status_code for _ in range(2)] == [303, 303]
    assert_too_many(colleague.post(url))


def test_requests_for_quotation_are_limited(report, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "rfq": "3/h"}
    colleague = Client()
    urls = [f"/r/{report.token}/rfq/", f"/r/{report.token}/rfq.txt", f"/r/{report.token}/rfq/"]
    assert [colleague.get(url).status_code for url in urls] == [200, 200, 200]
    assert_too_many(colleague.get(f"/r/{report.token}/rfq.txt"))


def test_saving_quotes_is_limited_but_looking_is_not(report, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "quotes": "2/h"}
    owner = owner_client()
    url = f"/r/{report.token}/quotes/"
    assert [owner.get(url).status_code for _ in range(3)] == [200, 200, 200]
    assert [owner.post(url, {}).status_code for _ in range(2)] == [200, 200]  # refused forms
    assert_too_many(owner.post(url, {}))


def test_the_default_limits_for_requests_and_quotes(db):
    for name, rate, method in (("rfq", "60/m", "get"), ("quotes", "30/m", "post")):
        view = limited(name)(lambda request: HttpResponse("ok"))
        count = int(rate.split("/")[0])
        request = getattr(RequestFactory(), method)
        statuses = [view(request("/")).status_code for _ in range(count + 1)]
        assert statuses == [200] * count + [429]


@pytest.mark.parametrize(
    ("rate", "amount", "seconds"),
    [("20/m", 20, 60), ("30/h", 30, 3600), ("30/5m", 30, 300), ("2/d", 2, 86400), ("9/s", 9, 1)],
)
def test_a_rate_as_settings_write_it(rate, amount, seconds):
    item = rate_limit_item(rate)
    assert (item.amount, item.get_expiry()) == (amount, seconds)


def test_an_ipv6_client_is_counted_by_its_64_block(settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "revoke": "2/h"}
    view = limited("revoke")(lambda request: HttpResponse("ok"))

    def status(address):
        return view(RequestFactory().get("/", REMOTE_ADDR=address)).status_code

    assert [status("2001:db8:1:2::1"), status("2001:db8:1:2::ffff")] == [200, 200]
    assert status("2001:db8:1:2:abcd::9") == 429  # the same /64
    assert status("2001:db8:1:3::1") == 200  # the next one
    # IPv4 clients seen through a dual-stack socket: each its own, not one ::/64 for all.
    assert [status("::ffff:192.0.2.1"), status("::ffff:192.0.2.1")] == [200, 200]
    assert [status("::ffff:192.0.2.2"), status("::ffff:192.0.2.1")] == [200, 429]
    assert status("fe80::1%eth0") == 200  # a link-local address with its zone
    assert status("not::an::address") == 200


@pytest.fixture
def limits_in_redis(settings):
    """The rate limits of this process counted in Redis database 2, as with REDIS_URL."""
    redis_or_skip(REDIS_DB, "The shared rate-limit tests")
    settings.REDIS_URL = REDIS_DB
    limits._storage.cache_clear()
    limits._limiter.cache_clear()
    yield limits._storage().storage  # the redis-py client
    limits._storage.cache_clear()
    limits._limiter.cache_clear()
    # The in-process counter kept the memory store of before: made again with the next one, so
    # that forget_counts() empties the counts later tests make (else they add up to a 429).
    limits._in_process.cache_clear()


def test_in_redis_a_count_is_one_round_trip(limits_in_redis, monkeypatch, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "pdf": "2/h"}
    commands = []
    send = limits_in_redis.execute_command

    def counted(*args, **kwargs):
        commands.append(args[0])
        return send(*args, **kwargs)

    monkeypatch.setattr(limits_in_redis, "execute_command", counted)
    view = limited("pdf")(lambda request: HttpResponse("ok"))
    address, other = (
        ".".join(str(part) for part in [10, *random.sample(range(1, 255), 3)]) for _ in range(2)
    )
    view(RequestFactory().get("/", REMOTE_ADDR=other))  # a Redis new to the script loads it
    commands.clear()
    statuses = [view(RequestFactory().get("/", REMOTE_ADDR=address)).status_code for _ in range(2)]
    assert statuses == [200, 200]
    assert len(commands) == 2  # one script each: the increment and the window's expiry
    response = view(RequestFactory().get("/", REMOTE_ADDR=address))
    assert_too_many(response)  # past the limit, the window's end is read too, for Retry-After
    assert 3500 <= int(response["Retry-After"]) <= 3600


def test_an_unknown_limit_name_is_a_programming_error():
    with pytest.raises(ValueError, match="No rate limit named 'rfqs'"):
        limited("rfqs")


@pytest.mark.slow
def test_a_busy_buyer_never_meets_a_limit(client, db):
    """Three reports in a row, each read and downloaded, shared, one revoked, one forked."""
    statuses = []
    for _ in range(3):
        review = answer_all(client, start(client))["Location"]
        statuses += [client.get(review).status_code, client.post(review).status_code]
        page = client.post(review)["Location"]
        token = page.strip("/").split("/")[-1]
        for url in [page, f"/r/{token}.json", *[f"/r/{token}.pdf"] * 4, f"/r/{token}/fork"]:
            statuses.append(client.get(url).status_code)
        statuses.append(client.get(f"/r/{token}/revoke").status_code)
    statuses.append(client.post(f"/r/{token}/revoke").status_code)
    statuses.append(client.post(f"/r/{token}/fork").status_code)
    assert 429 not in statuses
    assert set(statuses) == {200, 303}


COUNT_IN_ANOTHER_PROCESS = """
from django.http import HttpResponse
from django.test import RequestFactory
from advisor.limits import limited
view = limited("pdf")(lambda request: HttpResponse("ok"))
request = lambda: RequestFactory().get("/", REMOTE_ADDR="{address}")
print(" ".join(str(view(request()).status_code) for _ in range({n})))
"""
REDIS_DB = "redis://127.0.0.1:6379/2"  # this project's Redis database for these tests


@pytest.fixture
def redis_db():
    """Redis database 2, left as it is: other checkouts may run this file at the same moment,
    so each run counts for a client address of its own instead of emptying the database."""
    client = redis_or_skip(REDIS_DB, "The shared rate-limit tests")
    yield client
    client.close()


@pytest.mark.slow
def test_app_servers_sharing_redis_share_the_count(run_django, redis_db):
    address = ".".join(str(part) for part in [10, *random.sample(range(1, 255), 3)])
    # A day's window: the two runs, seconds apart, practically never straddle two windows.
    env = {"DJANGO_DEBUG": "1", "REDIS_URL": REDIS_DB, "DJANGO_RATE_LIMIT_PDF": "20/d"}
    first = run_django(COUNT_IN_ANOTHER_PROCESS.format(n=15, address=address), **env)
    second = run_django(COUNT_IN_ANOTHER_PROCESS.format(n=10, address=address), **env)
    assert first.stdout.split() == ["200"] * 15, first.stderr
    assert second.stdout.split() == ["200"] * 5 + ["429"] * 5, second.stderr


@pytest.mark.slow
@pytest.mark.parametrize("redis", ["down", "hung"])
def test_while_redis_fails_each_process_counts_on_its_own(run_django, hung_redis, redis):
    # Port 1: nothing listens there, so the connection is refused at once. The hung one takes
    # the connection and never answers: each call waits out the timeout.
    url = "redis://127.0.0.1:1/2" if redis == "down" else hung_redis[0]
    env = {"DJANGO_DEBUG": "1", "REDIS_URL": url, "DJANGO_RATE_LIMIT_PDF": "3/m"}
    result = run_django(COUNT_IN_ANOTHER_PROCESS.format(n=5, address="10.0.0.1"), **env)
    assert result.stdout.split() == ["200"] * 3 + ["429"] * 2, result.stderr
    # Only the first count tried Redis: the others were kept in the process at once.
    assert result.stderr.count("Redis unreachable") == 1, result.stderr
    if redis == "hung":
        assert len(hung_redis[1]) == 1


def test_starting_wizards_and_saving_steps_are_limited_but_looking_is_not(db, settings):
    """Issue 26: 200 cookieless starts from one client made 200 sessions and wizards."""
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "start": "2/h", "step": "2/m"}
    assert [Client().post("/wizard/").status_code for _ in range(2)] == [303, 303]
    assert_too_many(Client().post("/wizard/"))
    assert Client().get("/wizard/").status_code == 200  # the start page itself
    assert Submission.objects.count() == 2

    client = Client()
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "start": "100/h"}
    url = client.post("/wizard/")["Location"]
    restart = url.rsplit("/", 2)[0] + "/restart/"
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "start": "1/h"}
    # A restart is a start (a new wizard row): no way round the limit.
    assert client.post(restart).status_code == 303
    assert_too_many(client.post(restart))
    assert Submission.objects.count() == 4
    url = client.get("/wizard/")["Location"]
    assert [client.post(url, {}).status_code for _ in range(2)] == [200, 200]  # refused forms
    assert_too_many(client.post(url, {}))
    assert client.get(url).status_code == 200
