import{a,b,c,d}from"./chunk-JIJWOLU3.js";import"./chunk-MYTJS6DR.js";import"./chunk-A7NAGZSC.js";export{a as PERMISSIONS,d as RoleEdit,c as Roles,b as roleLabel};
