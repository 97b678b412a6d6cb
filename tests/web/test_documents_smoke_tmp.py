def test_smoke(client, auth, make_plan, browser):
    auth.manager()
    pid = make_plan()
    for url in [
        f"/plans/{pid}",
        f"/plans/{pid}/documents/",
        f"/plans/{pid}/documents/details",
        f"/plans/{pid}/documents/job-description",
        f"/plans/{pid}/documents/supervision-plan",
        f"/plans/{pid}/documents/recruitment-checklist",
        f"/plans/{pid}/documents/v1/job-description.pdf",
        f"/plans/{pid}/documents/v1/recruitment-checklist.docx",
        f"/plans/{pid}/documents/v1/documents.zip",
    ]:
        r = client.get(url)
        assert r.status_code == 200, (url, r.status_code, r.get_data(as_text=True)[:3000])
