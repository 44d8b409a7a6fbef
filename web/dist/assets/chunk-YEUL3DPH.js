import{a,b,c,d}from"./chunk-TBON2KM3.js";import"./chunk-5U4YUOT6.js";import"./chunk-ISHF6ZTO.js";export{a as PERMISSIONS,d as RoleEdit,c as Roles,b as roleLabel};
