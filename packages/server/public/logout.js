// Submits oidc-provider's logout confirmation form at once; the page's button does the same without script.
document.addEventListener('DOMContentLoaded', () => {
  const form = document.getElementById('op.logoutForm');
  if (!form) return;
  const logout = document.createElement('input');
  logout.type = 'hidden';
  logout.name = 'logout';
  logout.value = 'yes';
  form.appendChild(logout);
  form.submit();
});
